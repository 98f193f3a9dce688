import { CreativeKind, type Label, OrganisationKind } from '../reference/index.js';

/** A demo support measure drawn from the seed documents (isDemo). Deadlines are fictional. */
export interface DemoSupportMeasure {
  key: string;
  providerKey: string;
  title: Label;
  summary: Label;
  text: Label;
  creativeKinds: CreativeKind[];
  organisationKinds: OrganisationKind[];
  amountMinEur: number | null;
  amountMaxEur: number | null;
  /** ISO date (end of day, Slovenian time; moved on by whole years once past), or null: a rolling call. */
  deadline: string | null;
  callUrl: string | null;
  /** Seed citations, and what is derived or fictional. */
  source: string;
}

/**
 * The measures the seed documents name. The platform lists them under BSC Kranj, the regional
 * coordinator (the seeds never expand "RAS", so no organisation is invented for it: the text names it).
 */
export const DEMO_SUPPORT_MEASURES: readonly DemoSupportMeasure[] = [
  {
    key: 'cci4tourism',
    providerKey: 'bsc-kranj',
    title: { sl: 'CCI4TOURISM: poziv za inovativne ideje, ki povezujejo KKS s turizmom', en: 'CCI4TOURISM: call for innovative ideas linking the creative sector with tourism' },
    summary: {
      sl: 'Regionalna razvojna agencija RAS bo podprla 5 najboljših idej v skupni vrednosti 15.000 EUR.',
      en: 'The regional development agency RAS will support the 5 best ideas with 15,000 EUR in total.',
    },
    text: {
      sl: 'Poziv je pilotni projekt mednarodnega projekta CCI4TOURISM, ki ga izvaja Regionalna razvojna agencija RAS v okviru Jadransko-jonske pobude.\n\nCilj je povezati tradicionalna turistična podjetja s podjetji kulturnega in kreativnega sektorja pri iskanju novih inovativnih rešitev, izdelkov in storitev za turistični trg, ki temeljijo na ustvarjalnosti in prenovljeni viziji kulturne dediščine.',
      en: 'The call is a pilot of the international CCI4TOURISM project, run by the regional development agency RAS within the Adriatic-Ionian Initiative.\n\nIt connects traditional tourism companies with companies of the cultural and creative sector in search of new innovative solutions, products and services for the tourism market, based on creativity and a renewed vision of cultural heritage.',
    },
    creativeKinds: [CreativeKind.StudioOrFirm, CreativeKind.SoleProprietor],
    organisationKinds: [OrganisationKind.Company, OrganisationKind.TouristOrganisation],
    amountMinEur: null,
    amountMaxEur: 15000,
    deadline: '2027-03-31',
    callUrl: null,
    source: '002:2246-2256 (call, RAS, 5 ideas, 15,000 EUR total). The per-idea amount is not stated; the maximum is the whole pot. Deadline: demo (fictional)',
  },
  {
    key: 'mladi-pionirji',
    providerKey: 'bsc-kranj',
    title: { sl: 'Mladi pionirji: mikro spodbude za projekte mladih v skupnosti', en: 'Pupils for Pioneers: micro-grants for young people\'s community projects' },
    summary: {
      sl: 'Odprt poziv za osnovnošolce in srednješolce: usposabljanje, mentorstvo in mikro spodbude za projekte, ki rešujejo lokalne izzive.',
      en: 'An open call for primary and secondary school pupils: training, mentoring and micro-grants for projects that tackle local challenges.',
    },
    text: {
      sl: 'V okviru projekta x-Inno Radar mladi predlagajo in izvedejo mikro projekte za svojo skupnost: socialne, okoljske, kulturne, izobraževalne, zdravstvene in druge. Cilj je vsaj 15 izzivov skupnosti na Gorenjskem in vsaj 5 podprtih projektov z merljivim družbenim učinkom. Mentorji spremljajo projekte ves čas, delavnice pa pokrijejo vodenje projektov in finančno načrtovanje.',
      en: 'Within x-Inno Radar, young people propose and carry out micro-projects for their community: social, environmental, cultural, educational, health and others. The aim is at least 15 community challenges in Gorenjska and at least 5 supported projects with measurable social impact. Mentors follow the projects throughout, and workshops cover project management and financial planning.',
    },
    creativeKinds: [CreativeKind.Student],
    organisationKinds: [OrganisationKind.School],
    amountMinEur: null,
    amountMaxEur: null,
    deadline: '2027-05-15',
    callUrl: null,
    source: '004:92-100, 860-904 (open call, micro-grants, targets; amounts not stated). Students stand in for pupils (the profile kinds have no pupil). Deadline: demo (fictional)',
  },
  {
    key: 'vavcerji',
    providerKey: 'bsc-kranj',
    title: { sl: 'Vavčerji za kreativne storitve v podjetjih', en: 'Vouchers for creative services in companies' },
    summary: {
      sl: 'Podjetja z vavčerjem sofinancirajo storitve ustvarjalcev (oblikovanje, dizajn, vsebine). Primer za predstavitev.',
      en: 'Companies co-fund creative services (design, content) with a voucher. A demonstration example.',
    },
    text: {
      sl: 'Regionalna strategija med viri financiranja kulturnega in kreativnega sektorja navaja tudi vavčerje. Ta ukrep je izmišljen primer za predstavitev platforme: pogoji, zneski in rok niso določeni.',
      en: 'The regional strategy lists vouchers among the ways to finance the cultural and creative sector. This measure is a made-up example for demonstrating the platform: terms, amounts and a deadline are not set.',
    },
    creativeKinds: [CreativeKind.SoleProprietor, CreativeKind.StudioOrFirm],
    organisationKinds: [OrganisationKind.Company],
    amountMinEur: null,
    amountMaxEur: null,
    deadline: null,
    callUrl: null,
    source: '002:771-773 (vouchers named as a financing instrument). Everything else is a demonstration (fictional)',
  },
  {
    key: 'bsc-svetovanje',
    providerKey: 'bsc-kranj',
    title: { sl: 'Svetovanje in mentorstvo BSC Kranj za ustvarjalce', en: 'Advice and mentoring for creatives at BSC Kranj' },
    summary: {
      sl: 'Svetovanje pri poslovni ideji, financiranju in povezovanju s podjetji; prijave ves čas.',
      en: 'Advice on your business idea, funding and links with companies; apply any time.',
    },
    text: {
      sl: 'BSC Kranj kot regionalni koordinator kulturnih in kreativnih industrij svetuje ustvarjalcem in jih povezuje s podjetji, tudi prek kreativnih izzivov in match-making dogodkov.',
      en: 'As the regional coordinator of the cultural and creative industries, BSC Kranj advises creatives and connects them with companies, also through creative challenges and match-making events.',
    },
    creativeKinds: [CreativeKind.Individual, CreativeKind.SoleProprietor, CreativeKind.StudioOrFirm, CreativeKind.Student, CreativeKind.Collective],
    organisationKinds: [OrganisationKind.Company, OrganisationKind.Ngo],
    amountMinEur: null,
    amountMaxEur: null,
    deadline: null,
    callUrl: null,
    source: '003:12-14; 002:1224-1240 (BSC Kranj as regional coordinator; issue 15 names its advice and mentoring). Rolling (demo wording)',
  },
];
