import { ChallengeKind, ChallengeStatus, DemoChallenge } from '../reference/reference.types.js';

/**
 * Demo challenges grounded in the seed documents (domain brief §2). All deadlines are demo dates in
 * 2027 (fictional); rewards are only given where the seeds state one (domain brief §7.8, §7.9).
 * Codes refer to CCS_DOMAINS, TECHNIQUES and MATERIALS.
 */
export const DEMO_CHALLENGES: readonly DemoChallenge[] = [
  {
    key: 'alpina-modrotisk-na-usnju',
    ownerKey: 'alpina',
    kind: ChallengeKind.Industry,
    title: {
      sl: 'Modrotisk na usnju za moderne pohodne čevlje',
      en: 'Blueprint (modrotisk) on leather for modern hiking shoes',
    },
    brief: {
      sl: 'Kreativni izziv »Kreativni oblikovalci se srečajo z industrijo«: tovarna čevljev Alpina iz Žirov išče moderno interpretacijo uporabe modrotiska na usnju, na podlagi katere bodo oblikovani moderni pohodni čevlji. Pričakujemo predloge vzorca modrotiska in načina, kako ga prenesti na usnje. Izziv organizira BSC Kranj, partnerji so gorenjski muzeji, šole in lokalne turistične organizacije.',
      en: 'Creative challenge "Creative designers meet industry": the Alpina shoe factory in Žiri is looking for a modern interpretation of blueprint (modrotisk, a traditional indigo resist-printing technique) on leather, on the basis of which modern hiking shoes will be designed. We expect proposals for a blueprint pattern and for a way to transfer it to leather. The challenge is organised by BSC Kranj with the Gorenjska museums, schools and local tourist organisations as partners.',
    },
    domains: ['design-visual-arts', 'cultural-heritage'],
    techniques: ['blueprint'],
    materials: ['leather', 'indigo-dye'],
    reward: {
      sl: 'Nagrada v virih ni navedena. Splošni mehanizem strategije je projektno delo oblikovalcev z industrijskimi podjetji v zameno za delovno mesto najbolj obetavnim kadrom, ki se izkažejo v projektu; to ni obljuba, vezana na ta izziv.',
      en: 'No reward is stated in the sources. The strategy\'s general mechanism is project work of designers with industrial companies in exchange for a job for the most promising people who prove themselves in the project; this is not a promise specific to this challenge.',
    },
    deadline: '2027-04-30',
    partners: [
      { key: 'bsc-kranj', role: { sl: 'organizator izziva', en: 'organiser of the challenge' } },
      { key: 'gorenjski-muzej', role: { sl: 'partner (gorenjski muzeji)', en: 'partner (Gorenjska museums)' } },
    ],
    status: ChallengeStatus.Published,
    source:
      '000:2520-2526 (challenge text), 000:3044-3050 (action plan: "vzorec modrotiska na modernih čevljih"), 000:3071 (organiser BSC Kranj), 000:3135 (partners), 001:988-989 (2020-2021). Reward not stated (§7.9): text describes the general mechanism of 000:2448-2454; the 15,000 EUR of 000:3095 is the project budget, not a prize. The "pattern and transfer" sentence is derived from 000:3046-3050. Deadline: demo (fictional)',
  },
  {
    key: 'gorenjska-predilnica-neskoncna-nit',
    ownerKey: 'gorenjska-predilnica',
    kind: ChallengeKind.Industry,
    title: {
      sl: 'Neskončna nit, neskončno možnosti',
      en: 'Endless thread, endless possibilities',
    },
    brief: {
      sl: 'Kreativni izziv »iz industrije, za industrijo«: Gorenjska predilnica vabi kreativce in grafične oblikovalce, da z uporabo visoko kakovostnega blaga, ki ga izdeluje, ustvarijo širšo paleto izdelkov in konkretnih rešitev. Dobrodošli so tudi predlogi za uporabo odpadnega materiala predilnice pri izdelkih za opremo doma. Cilj je okrepiti lokalno znanje in proizvodnjo ter ustvariti možnosti za razvoj novih inovativnih blagovnih znamk podjetja.',
      en: 'A creative challenge "from industry, for industry": Gorenjska predilnica invites creatives and graphic designers to use the high-quality fabric it makes to create a wider range of products and concrete solutions. Proposals that use the spinning mill\'s waste material for home furnishing are also welcome. The aim is to strengthen local knowledge and production and to open opportunities for new innovative brands of the company.',
    },
    domains: ['design-visual-arts', 'advertising'],
    techniques: ['upcycling'],
    materials: ['textile', 'yarn', 'textile-waste'],
    reward: null,
    deadline: '2027-05-31',
    partners: [{ key: 'kreativnice', role: { sl: 'oblikovalci iz kreativnega centra', en: 'designers from the creative centre' } }],
    status: ChallengeStatus.Published,
    source:
      '000:1129-1143; 001:459-471. Both deliverables kept (§7.2): 000 says products from the mill\'s high-quality fabric, 001 says waste material for home furnishing. Originally an InduCult2.0 pilot with the Kreativnice designers, re-published here as a demo. Reward not stated. Deadline: demo (fictional)',
  },
  {
    key: 'predpasnik-modrotisk',
    ownerKey: 'bsc-kranj',
    kind: ChallengeKind.StudentContest,
    title: {
      sl: 'Predpasnik v modrotisku – študentski natečaj za turistični spominek',
      en: 'A blueprint apron – student contest for a tourist souvenir',
    },
    brief: {
      sl: 'Študentski natečaj za najbolj kreativno interpretacijo uporabe tradicionalnih barv za indigo barvanje (modrotisk) na predpasniku. Natečaj je namenjen študentom oblikovanja; v prvi izvedbi so sodelovale študentke Fakultete za dizajn. Zmagovalni predpasnik bo izdelala tovarna Odeja iz Škofje Loke, najzanimivejše oblikovane predpasnike pa bo ob Šuštarski nedelji razstavil Tržiški muzej. Predpasnik naj bo uporaben kot pristen turistični spominek, narejen s tradicionalno tehniko in z osebnim dotikom (po meri).',
      en: 'Student contest for the most creative interpretation of the use of traditional colours for indigo dyeing (blueprint, modrotisk) on an apron. The contest is open to design students; the first edition involved students of the Faculty for Design. The winning apron will be produced by the Odeja factory in Škofja Loka, and the Tržič Museum (Tržiški muzej) will exhibit the most interesting designs during Šuštarska nedelja (Shoemakers\' Sunday). The apron should work as an authentic tourist souvenir made with a traditional technique and a personal, made-to-measure touch.',
    },
    domains: ['design-visual-arts', 'cultural-heritage', 'cultural-tourism'],
    techniques: ['indigo-dyeing', 'blueprint'],
    materials: ['textile', 'indigo-dye'],
    reward: {
      sl: 'Zmagovalni predpasnik izdela tovarna Odeja, najzanimivejši predpasniki so razstavljeni v Tržiškem muzeju. Denarna nagrada ni navedena.',
      en: 'The winning apron is produced by the Odeja factory and the most interesting aprons are exhibited at the Tržič Museum. No prize money is stated.',
    },
    deadline: '2027-06-15',
    partners: [
      { key: 'odeja', role: { sl: 'izdelava zmagovalnega predpasnika', en: 'produces the winning apron' } },
      { key: 'trziski-muzej', role: { sl: 'razstava na Šuštarski nedelji', en: "exhibition at Shoemakers' Sunday" } },
      { key: 'fakulteta-za-dizajn', role: { sl: 'sodelujoče študentke in študenti', en: 'participating students' } },
    ],
    rewards: [
      { kind: 'PRODUCTION', description: { sl: 'Zmagovalni predpasnik izdela Odeja.', en: 'The winning apron is produced by Odeja.' } },
      { kind: 'EXHIBITION', description: { sl: 'Razstava najzanimivejših predpasnikov v Tržiškem muzeju.', en: 'Exhibition of the most interesting aprons at the Tržič Museum.' } },
    ],
    awardsCount: 1,
    criteria: [{ name: { sl: 'Ustvarjalnost interpretacije', en: 'Creativity of the interpretation' }, weight: 100 }],
    status: ChallengeStatus.Published,
    source:
      '000:810-814, 875-891; 001:459-467. Conflicts (§7.1): technique "indigo-barvanje" (000:877) vs "blueprint technique" (001:459) – both codes used; exhibition partner Tržiški muzej (000:877-883) chosen over "Museum of Škofja Loka" (001:467); Odeja as producer per both. Owner BSC Kranj as the InduCult2.0 partner that ran the pilot (derived). Re-run of the 2018 pilot; deadline: demo (fictional)',
  },
  {
    key: 'skofja-loka-mobilno-pohistvo',
    ownerKey: 'obcina-skofja-loka',
    kind: ChallengeKind.PublicService,
    title: {
      sl: 'Mobilno pohištvo za javni trg',
      en: 'Mobile furniture for a public square',
    },
    brief: {
      sl: 'Občina Škofja Loka v okviru letnega kreativnega izziva občin za iskanje kreativnih rešitev na področju javnih storitev vabi subjekte KKI in kreativne študente k zasnovi mobilnega pohištva za javni trg. Zgled je dobra praksa Urbana akademija – testiranje mobilnega pohištva (CzK, Škofja Loka, 2021), v kateri so kreativni študenti reševali izziv javnega sektorja. Predlogi naj omogočajo preizkus pohištva v javnem prostoru. Nagrada in merila ocenjevanja v tej demo objavi niso določeni.',
      en: 'As part of the municipalities\' yearly creative challenge for creative solutions in public services, the Municipality of Škofja Loka invites CCI businesses and creative students to design mobile furniture for a public square. The model is the good practice Urban Academy – testing of mobile furniture (CzK, Škofja Loka, 2021), in which creative students tackled a public-sector challenge. Proposals should allow the furniture to be tested in public space. Reward and evaluation criteria are not set in this demo posting.',
    },
    domains: ['architecture', 'design-visual-arts'],
    techniques: ['prototyping'],
    materials: ['wood', 'iron-steel'],
    reward: null,
    deadline: '2027-03-31',
    status: ChallengeStatus.Published,
    source:
      '002:2237-2241 (each municipality publishes at least 1 public-service creative challenge per year), 002:2823 ("1 x na leto"), 002:2143-2147 and 2202-2209 (Mobilni trg / Urbana akademija, CzK, Škofja Loka, 2021). No poster, reward or criteria invented (§7.8); technique and materials derived. Deadline: demo (fictional)',
  },
  {
    key: 'kulturcafe-jesenice',
    ownerKey: 'gornjesavski-muzej',
    kind: ChallengeKind.PublicService,
    title: {
      sl: 'Kulturcafé: fotografski in slikarski kreativni izziv',
      en: 'Kulturcafé: a photography and painting creative challenge',
    },
    brief: {
      sl: 'Gornjesavski muzej Jesenice v sodelovanju z lokalnimi društvi in Ljudsko univerzo Jesenice nadaljuje fotografske in slikarske delavnice ter kreativne izzive, ki jih je pilotno izvajal v projektu InduCCI. K sodelovanju vabi fotografe, slikarje in druge ustvarjalce iz občine, mlade in starejše. Izziv spodbuja povezovanje kulturnih in kreativnih ustvarjalcev ter medgeneracijsko in medkulturno sodelovanje, dela pa nastajajo v novem kulturno-kreativnem prostoru Kulturcafé v Ruardovi graščini na Jesenicah.',
      en: 'Gornjesavski muzej Jesenice, with local societies and Ljudska univerza Jesenice, continues the photography and painting workshops and creative challenges it piloted in the InduCCI project. Photographers, painters and other creators from the municipality, young and old, are invited to take part. The challenge connects cultural and creative creators and encourages intergenerational and intercultural cooperation; the work takes place in the new cultural-creative space Kulturcafé in Ruard Manor (Ruardova graščina), Jesenice.',
    },
    domains: ['design-visual-arts', 'cultural-heritage', 'cultural-arts-education'],
    techniques: [],
    materials: [],
    reward: null,
    deadline: '2027-09-30',
    partners: [
      { key: 'ljudska-univerza-jesenice', role: { sl: 'soorganizator delavnic', en: 'co-organiser of the workshops' } },
      { key: 'obcina-jesenice', role: { sl: 'nosilec centra Kulturcafé', en: 'lead of the Kulturcafé centre' } },
    ],
    status: ChallengeStatus.Published,
    source:
      '002:2260-2264, 2528-2537, 2633-2637; lead Gornjesavski muzej / Občina Jesenice 002:2840. The 30,000 EUR (10,000 EUR per year, 002:2825, 2863) is programme funding, not a prize; reward not stated. Deadline: demo (fictional)',
  },
  {
    key: 'bpt-trzic-kreativni-center',
    ownerKey: 'bsc-kranj',
    kind: ChallengeKind.Industry,
    title: {
      sl: 'Nova raba nekdanje tekstilne tovarne BPT v Tržiču',
      en: 'A new use for the former BPT textile factory in Tržič',
    },
    brief: {
      sl: 'BSC Kranj pripravlja izziv za prenos dobre prakse kreativnega centra Kreativnice na območje nekdanje tekstilne tovarne BPT v Tržiču. Iščemo multidisciplinarne ekipe – arhitekte, urbaniste, strokovnjake za industrijsko dediščino in kreativne posameznike – s predlogi ureditve prostorov za kreativni center, pop-up prodaje in delavnice. Izhodišče je pilot iz leta 2018, ko so v zgornjih nadstropjih nekdanje upravne stavbe 14 dni preizkušali eksperimentalne nastanitve z visečimi mrežami in šotori. Partnerji so RA Sora, Loški muzej Škofja Loka, BPT Tržič in Občina Tržič.',
      en: 'BSC Kranj is preparing a challenge to transfer the good practice of the Kreativnice creative centre to the former BPT textile factory in Tržič. We are looking for multidisciplinary teams (architects, urban planners, industrial-heritage experts and creative individuals) with proposals for fitting out the premises for a creative centre, pop-up sales and workshops. The starting point is the 2018 pilot, when experimental accommodation with hammocks and tents was tested for 14 days on the upper floors of the former administrative building. Partners are RA Sora, Loški muzej Škofja Loka, BPT Tržič and the Municipality of Tržič.',
    },
    domains: ['architecture', 'cultural-heritage', 'design-visual-arts', 'cultural-tourism'],
    techniques: [],
    materials: [],
    reward: null,
    deadline: '2027-11-30',
    partners: [
      { key: 'ra-sora', role: { sl: 'partner pri prenosu dobre prakse Kreativnic', en: 'partner in transferring the Kreativnice practice' } },
      { key: 'loski-muzej', role: { sl: 'partner', en: 'partner' } },
      { key: 'bpt-trzic', role: { sl: 'lastnik prostorov', en: 'owner of the premises' } },
      { key: 'obcina-trzic', role: { sl: 'partner', en: 'partner' } },
    ],
    status: ChallengeStatus.Draft,
    source:
      '000:2514-2516, 3040-3042, 3071 (lead BSC Kranj), 3131 (partners); 000:850-866 (2018 pilot); 000:1990-2000 (multidisciplinary teams); 000:2538-2544 (pop-up sales at BPT); 002:2401-2403 (fitting out creative-centre premises is the first creative challenge for KKI). DRAFT because the seeds make the transfer depend on owners showing interest (000:2516). The 200,000 EUR (100,000 per location, 000:3093) is the project budget, not a prize. Deadline: demo (fictional)',
  },
];
