import { DemoOrganisation, OrganisationKind } from '../reference/reference.types.js';

/**
 * Organisations named in the seed documents (domain brief §1 and §3.8), for demo data.
 * Descriptions restate only what the seeds say; `source` cites the seed lines and marks every fact
 * that is not in the seeds (mostly a town the seeds do not give). `website` is always null: no URL
 * is invented.
 */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  // ── Companies ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'alpina',
    kind: OrganisationKind.Company,
    name: 'Alpina',
    municipality: 'ziri',
    description: {
      sl: 'Tovarna čevljev v Žireh z uveljavljeno blagovno znamko (smučarski čevlji Alpina). Pripravila je kreativni izziv za moderno interpretacijo modrotiska na usnju za moderne pohodne čevlje in je partnerica pilotnega projekta »Obrt in umetnost – dediščina in sodobnost«.',
      en: 'Shoe factory in Žiri with an established brand (Alpina ski boots). It prepared the creative challenge for a modern interpretation of blueprint (modrotisk) on leather for modern hiking shoes and is a partner in the pilot project "Craft and Art – heritage and modernity".',
    },
    website: null,
    source: '000:444, 494, 2520-2526, 3135, 3142; 001:988-989',
  },
  {
    key: 'gorenjska-predilnica',
    kind: OrganisationKind.Company,
    name: 'Gorenjska predilnica',
    municipality: 'skofja-loka',
    description: {
      sl: 'Predilnica, ki izdeluje visoko kakovostno blago. Z oblikovalci kreativnega centra Kreativnice je izvedla kreativni izziv »Neskončna nit, neskončno možnosti« kot primer »kreativnega izziva iz industrije, za industrijo«.',
      en: 'Spinning mill producing high-quality fabric. With the designers of the Kreativnice creative centre it ran the creative challenge "Endless thread, endless possibilities" as an example of "a creative challenge from industry, for industry".',
    },
    website: null,
    source:
      '000:1129-1143; 001:463, 469-471. Municipality Škofja Loka is outside seeds: the seeds do not say where the mill is',
  },
  {
    key: 'odeja',
    kind: OrganisationKind.Company,
    name: 'Odeja',
    municipality: 'skofja-loka',
    description: {
      sl: 'Tekstilna tovarna iz Škofje Loke, v kateri je bil izdelan zmagovalni predpasnik študentskega natečaja za indigo barvanje (modrotisk) na predpasniku.',
      en: 'Textile factory from Škofja Loka that produced the winning apron of the student contest for indigo dyeing (blueprint) on an apron.',
    },
    website: null,
    source: '000:875-881 ("tekstilna tovarna iz Škofje Loke", "tovarna Odeja"); 001:465-467 ("Odeja Škofja Loka")',
  },
  {
    key: 'bpt-trzic',
    kind: OrganisationKind.Company,
    name: 'BPT Tržič',
    municipality: 'trzic',
    description: {
      sl: 'Nekdanja tekstilna tovarna v Tržiču. Leta 2018 so v zgornjih nadstropjih nekdanje upravne stavbe 14 dni preizkušali eksperimentalne nizkocenovne nastanitve; območje je predvideno za prenos dobre prakse Kreativnic ter za pop-up prodaje in delavnice.',
      en: 'Former textile factory in Tržič. In 2018 experimental low-cost accommodation was tested for 14 days on the upper floors of its former administrative building; the site is earmarked for transferring the Kreativnice good practice and for pop-up sales and workshops.',
    },
    website: null,
    source: '000:807-808, 850-866, 2514-2516, 2538-2544, 3131',
  },
  {
    key: 'uko-kropa',
    kind: OrganisationKind.Company,
    name: 'UKO Kropa',
    municipality: 'radovljica',
    description: {
      sl: 'Podjetje iz Krope, naslednik dediščine kroparskega kovaštva, ki vstopa v novo tisočletje z novo vizijo umetniškega kovaštva.',
      en: 'Company from Kropa, successor to the heritage of Kropa blacksmithing, entering the new millennium with a new vision of artistic blacksmithing.',
    },
    website: null,
    source: '000:500-502. Municipality Radovljica (Kropa lies in it) is outside seeds',
  },
  {
    key: 'elan',
    kind: OrganisationKind.Company,
    name: 'Elan',
    municipality: 'radovljica',
    description: {
      sl: 'Skupina iz Begunj, med vodilnimi proizvajalci izdelkov za šport in aktivno preživljanje prostega časa (smuči Elan) ter segmentov za vetrno energijo.',
      en: 'Group from Begunje, among the leading producers of products for sport and an active lifestyle (Elan skis) and of segments for wind energy.',
    },
    website: null,
    source: '000:444, 494, 502-506. Municipality Radovljica (Begunje lies in it) is outside seeds',
  },
  {
    key: 'peko',
    kind: OrganisationKind.Company,
    name: 'Peko',
    municipality: 'trzic',
    description: {
      sl: 'Tovarna obutve v Tržiču, v kateri je bilo nekoč zaposlenih več tisoč prebivalcev; čevljarstvo ostaja močan identifikacijski element kraja.',
      en: 'Footwear factory in Tržič that once employed several thousand people; shoemaking remains a strong element of the town\'s identity.',
    },
    website: null,
    source: '000:506-510',
  },
  // ── Development agencies ─────────────────────────────────────────────────────────────────────
  {
    key: 'bsc-kranj',
    kind: OrganisationKind.DevelopmentAgency,
    name: 'BSC, Poslovno podporni center, d.o.o., Kranj',
    municipality: 'kranj',
    description: {
      sl: 'Regionalna razvojna agencija Gorenjske ter regijski manager in koordinator razvoja nove industrijske kulture in KKI. Je slovenska partnerica projektov InduCult2.0, InduCCI in x-Inno Radar, organizira kreativne izzive in match-making dogodke, njena poslovna enota pa je Kovačnica.',
      en: 'Regional development agency of Gorenjska and regional manager and coordinator for the new industrial culture and for the CCI. It is the Slovenian partner in InduCult2.0, InduCCI and x-Inno Radar, organises creative challenges and match-making events, and runs Kovačnica as its business unit.',
    },
    website: null,
    source: '003:12-14; 000:93-97, 3071; 002:1224-1240, 1882-1892, 2838; 004:183, 441-448',
  },
  {
    key: 'ra-sora',
    kind: OrganisationKind.DevelopmentAgency,
    name: 'Razvojna agencija Sora',
    municipality: 'skofja-loka',
    description: {
      sl: 'Razvojna agencija, ki skupaj z Rokodelskim centrom DUO upravlja kreativni center Kreativnice. Je nosilka projektov »Nor na kreativnost« in »Obrt in umetnost« ter del regionalne podporne strukture z BSC Kranj in RAGOR.',
      en: 'Development agency that manages the Kreativnice creative centre together with Rokodelski center DUO. It leads the projects "Crazy about creativity" and "Craft and Art" and is part of the regional support structure with BSC Kranj and RAGOR.',
    },
    website: null,
    source: '002:1268-1270; 000:3069, 3131; 004:134, 441-455. Municipality Škofja Loka is outside seeds',
  },
  {
    key: 'ragor',
    kind: OrganisationKind.DevelopmentAgency,
    name: 'Razvojna agencija Zgornje Gorenjske (RAGOR)',
    municipality: 'jesenice',
    description: {
      sl: 'Razvojna agencija Zgornje Gorenjske; z BSC Kranj in RA SORA tvori regionalno podporno strukturo ter izvaja projekte za razvoj mehkih veščin za občine, izobraževalne ustanove in MSP.',
      en: 'Development Agency of Upper Gorenjska; with BSC Kranj and RA SORA it forms the regional support structure and runs soft-skills projects for municipalities, educational institutions and SMEs.',
    },
    website: null,
    source: '004:134, 441-455. Municipality Jesenice is outside seeds',
  },
  // ── Creative centres ─────────────────────────────────────────────────────────────────────────
  {
    key: 'kreativnice',
    kind: OrganisationKind.CreativeCentre,
    name: 'Kreativni center Kreativnice',
    municipality: 'skofja-loka',
    description: {
      sl: 'Kreativni center s coworkingom in razstavnim prostorom tekstilne industrije v Škofji Loki, v neposredni bližini nekdanje tovarne klobukov Šešir. Nastal je v projektu InduCult2.0, upravljata ga RA Sora in Rokodelski center DUO, v njem pa je potekal pilotni »help desk« s CzK.',
      en: 'Creative centre with coworking and a textile-industry exhibition space in Škofja Loka, right next to the former Šešir hat factory. It was set up in InduCult2.0, is managed by RA Sora and Rokodelski center DUO, and hosted the pilot help desk with CzK.',
    },
    website: null,
    source: '000:1108-1118; 002:1256-1270, 2491-2495, 2629-2633',
  },
  {
    key: 'kovacnica',
    kind: OrganisationKind.CreativeCentre,
    name: 'Kovačnica',
    municipality: 'kranj',
    description: {
      sl: 'Prvi coworking prostor na Gorenjskem in podjetniški inkubator v Kranju, poslovna enota BSC Kranj, ustanovljena v partnerstvu z Občino Kranj. Nudi mentorstvo, delavnice in podporne storitve ter spodbuja pionirske veščine mladih.',
      en: 'The first coworking space in Gorenjska and a business incubator in Kranj, a business unit of BSC Kranj founded in partnership with the Municipality of Kranj. It offers mentoring, workshops and support services and fosters the pioneer skills of young people.',
    },
    website: null,
    source: '002:1234-1254, 2475-2487; 004:183, 466-478',
  },
  {
    key: 'layerjeva-hisa',
    kind: OrganisationKind.CreativeCentre,
    name: 'Layerjeva hiša',
    municipality: 'kranj',
    description: {
      sl: 'Kulturno-kreativni center urbane kulture in umetnosti v Kranju, ki je svoj del mesta preoblikoval v kulturno četrt. Organizira BIEN – bienale tekstilne umetnosti, festival sodobnega kolaža KAOS in festival kinetične keramike.',
      en: 'Cultural-creative centre of urban culture and art in Kranj that has turned its part of town into a cultural quarter. It runs BIEN, the textile art biennial, the KAOS contemporary collage festival and the kinetic ceramics festival.',
    },
    website: null,
    source: '002:1272-1278, 2268-2300, 2844',
  },
  {
    key: 'rokodelski-center-duo',
    kind: OrganisationKind.CreativeCentre,
    name: 'Rokodelski center DUO Škofja Loka',
    municipality: 'skofja-loka',
    description: {
      sl: 'Rokodelski center, ki že deset let ohranja vez med škofjeloško rokodelsko preteklostjo in ustvarjalno sedanjostjo. Predstavlja izdelke lokalnih ustvarjalcev ter organizira delavnice in izobraževanja.',
      en: 'Crafts centre that for ten years has kept the link between Škofja Loka\'s crafts past and the creative present. It presents products of local makers and organises workshops and training.',
    },
    website: null,
    source: '002:1268-1270, 1278-1290',
  },
  // ── Museums ──────────────────────────────────────────────────────────────────────────────────
  {
    key: 'trziski-muzej',
    kind: OrganisationKind.Museum,
    name: 'Tržiški muzej',
    municipality: 'trzic',
    description: {
      sl: 'Muzej v Tržiču, ki je ob Šuštarski nedelji gostil razstavo najzanimivejše oblikovanih predpasnikov študentskega natečaja. Je partner projektov »Industrijska dediščina, naš ponos« in »Žive legende«.',
      en: 'Museum in Tržič that hosted the exhibition of the most interesting aprons from the student contest during Šuštarska nedelja (Shoemakers\' Sunday). It is a partner in the projects "Industrial heritage, our pride" and "Living legends".',
    },
    website: null,
    source: '000:810-814, 875-883, 2887-2889',
  },
  {
    key: 'loski-muzej',
    kind: OrganisationKind.Museum,
    name: 'Loški muzej Škofja Loka',
    municipality: 'skofja-loka',
    description: {
      sl: 'Muzej v Škofji Loki, partner projekta »Nor na kreativnost« in prenosa dobre prakse Kreativnic na območje BPT v Tržiču. Angleška različica strategije ga navaja tudi kot partnerja natečaja za predpasnik.',
      en: 'Museum in Škofja Loka, partner in the "Crazy about creativity" project and in transferring the Kreativnice good practice to the BPT site in Tržič. The English version of the strategy also lists it as a partner in the apron contest.',
    },
    website: null,
    source: '000:3129-3131; 001:467 ("Museum of Škofja Loka")',
  },
  {
    key: 'gornjesavski-muzej',
    kind: OrganisationKind.Museum,
    name: 'Gornjesavski muzej Jesenice',
    municipality: 'jesenice',
    description: {
      sl: 'Muzej na Jesenicah, ki z lokalnimi društvi in Ljudsko univerzo Jesenice izvaja fotografske in slikarske delavnice ter kreativne izzive v nastajajočem kreativnem centru Kulturcafé v Ruardovi graščini.',
      en: 'Museum in Jesenice that, with local societies and Ljudska univerza Jesenice, runs photography and painting workshops and creative challenges in the emerging Kulturcafé creative centre in Ruard Manor (Ruardova graščina).',
    },
    website: null,
    source: '000:2887; 002:2260-2264, 2528-2537, 2633-2637, 2840, 3062',
  },
  {
    key: 'gorenjski-muzej',
    kind: OrganisationKind.Museum,
    name: 'Gorenjski muzej',
    municipality: 'kranj',
    description: {
      sl: 'Muzej v Kranju, ki ima pomembno vlogo pri razvoju lokalnih kulturnih projektov. Izdal je publikacijo »Naše tovarne, naš ponos: industrijska dediščina Gorenjske« (2016), ki so jo pripravili gorenjski muzeji.',
      en: 'Museum in Kranj with an important role in developing local cultural projects. It published "Our factories, our pride: the industrial heritage of Gorenjska" (2016), prepared by the Gorenjska museums.',
    },
    website: null,
    source: '002:1290-1292; 000:479, 492-493',
  },
  // ── Education ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'sc-kranj',
    kind: OrganisationKind.School,
    name: 'Šolski center Kranj',
    municipality: 'kranj',
    description: {
      sl: 'Šolski center, ki organizira Vrtiljak poklicev, Tehnični dan in Robotkov dan ter je nosilec Kariernega dne. Leta 2018 je na Vrtiljaku poklicev 26 srednjih šol predstavilo poklice 1300 osnovnošolcem.',
      en: 'School centre that organises the Carousel of Professions, Technical Day and Robot Day and leads the Career Day. At the 2018 Carousel of Professions, 26 secondary schools presented their professions to 1,300 primary pupils.',
    },
    website: null,
    source: '000:1004-1032, 2352-2358, 2943, 2984-2986',
  },
  {
    key: 'ljudska-univerza-jesenice',
    kind: OrganisationKind.School,
    name: 'Ljudska univerza Jesenice',
    municipality: 'jesenice',
    description: {
      sl: 'Ustanova za izobraževanje odraslih, ki z Gornjesavskim muzejem in lokalnimi društvi sodeluje pri fotografskih in slikarskih delavnicah ter kreativnih izzivih v Kulturcaféju.',
      en: 'Adult-education institution that works with Gornjesavski muzej and local societies on photography and painting workshops and creative challenges at Kulturcafé.',
    },
    website: null,
    source: '002:2528-2537, 2633-2637, 2765',
  },
  {
    key: 'fakulteta-za-dizajn',
    kind: OrganisationKind.Faculty,
    name: 'Fakulteta za dizajn',
    municipality: 'ljubljana',
    description: {
      sl: 'Fakulteta, katere študentke so sodelovale v študentskem natečaju za indigo barvanje (modrotisk) na predpasniku.',
      en: 'Faculty whose students took part in the student contest for indigo dyeing (blueprint) on an apron.',
    },
    website: null,
    source:
      '000:879; 001:465 ("Faculty for Design Ljubljana"). Ljubljana is outside Gorenjska (OTHER_PLACES); the exact seat is not in the seeds',
  },
  // ── Tourism ──────────────────────────────────────────────────────────────────────────────────
  {
    key: 'lto-skofja-loka',
    kind: OrganisationKind.TouristOrganisation,
    name: 'LTO Škofja Loka',
    municipality: 'skofja-loka',
    description: {
      sl: 'Lokalna turistična organizacija, partnerica projekta »Nor na kreativnost« (mreža kreativnih prostorov za razvoj novih kreativnih proizvodov).',
      en: 'Local tourist organisation, partner in the "Crazy about creativity" project (a network of creative spaces for developing new creative products).',
    },
    website: null,
    source: '000:2492-2510, 3129',
  },
  {
    key: 'turizem-bohinj',
    kind: OrganisationKind.TouristOrganisation,
    name: 'Turizem Bohinj',
    municipality: 'bohinj',
    description: {
      sl: 'Turistična organizacija, partnerica projekta »Žive legende« o interpretaciji starih obrti in znanja na Gorenjskem.',
      en: 'Tourist organisation, partner in the "Living legends" project on interpreting old crafts and knowledge in Gorenjska.',
    },
    website: null,
    source: '000:2225-2227, 2889-2891',
  },
  // ── Chambers and NGOs ────────────────────────────────────────────────────────────────────────
  {
    key: 'obrtna-zbornica-kranj',
    kind: OrganisationKind.Chamber,
    name: 'Obrtna zbornica Kranj',
    municipality: 'kranj',
    description: {
      sl: 'Zbornica obrtnikov in podjetnikov, partnerica Kariernega dne, zaposlitvenega sejma s »hitrimi zmenki« med iskalci zaposlitve in delodajalci.',
      en: 'Chamber of craft and small business, partner in the Career Day, a job fair with "speed dating" between job seekers and employers.',
    },
    website: null,
    source: '000:957-967, 2980-2981',
  },
  {
    key: 'ooz-skofja-loka',
    kind: OrganisationKind.Chamber,
    name: 'Območna obrtna zbornica Škofja Loka',
    municipality: 'skofja-loka',
    description: {
      sl: 'Območna obrtna zbornica, ki je v letu 2022 izvedla sklop izobraževanj za ustvarjalce na področju rokodelstva.',
      en: 'Regional chamber of craft that ran a 2022 training series for creators in arts and crafts.',
    },
    website: null,
    source: '002:2524-2526',
  },
  {
    key: 'gzs-oe-kranj',
    kind: OrganisationKind.Chamber,
    name: 'Gospodarska zbornica Slovenije – OE Kranj',
    municipality: 'kranj',
    description: {
      sl: 'Območna enota Gospodarske zbornice Slovenije, ki vsako jesen organizira Dneve odprtih vrat podjetij.',
      en: 'Regional unit of the Chamber of Commerce and Industry of Slovenia that organises the Company Open Days every autumn.',
    },
    website: null,
    source: '000:2362-2366',
  },
  {
    key: 'mladinski-center-kranj',
    kind: OrganisationKind.Ngo,
    name: 'Mladinski center Kranj',
    municipality: 'kranj',
    description: {
      sl: 'Mladinski center, ki redno izvaja programe mehkih veščin za mlade.',
      en: 'Youth centre that regularly runs soft-skills programmes for young people.',
    },
    website: null,
    source: '004:409-411',
  },
  // ── Municipalities ───────────────────────────────────────────────────────────────────────────
  {
    key: 'obcina-skofja-loka',
    kind: OrganisationKind.Municipality,
    name: 'Občina Škofja Loka',
    municipality: 'skofja-loka',
    description: {
      sl: 'Občina, ki sodeluje pri upravljanju Kreativnic in je partnerica projekta »Nor na kreativnost«. V Škofji Loki je nastal primer dobre prakse Urbana akademija – testiranje mobilnega pohištva (CzK, 2021).',
      en: 'Municipality that takes part in managing Kreativnice and is a partner in "Crazy about creativity". The good practice Urban Academy – testing of mobile furniture (CzK, 2021) took place in Škofja Loka.',
    },
    website: null,
    source: '002:1268-1270, 2143-2147, 2202-2209; 000:3129',
  },
  {
    key: 'obcina-kranj',
    kind: OrganisationKind.Municipality,
    name: 'Mestna občina Kranj',
    municipality: 'kranj',
    description: {
      sl: 'Občina, ki je v partnerstvu z BSC Kranj ustanovila Kovačnico, prvi coworking prostor na Gorenjskem. Kranj je kandidiral za Evropsko prestolnico kulture 2025.',
      en: 'Municipality that founded Kovačnica, the first coworking space in Gorenjska, in partnership with BSC Kranj. Kranj bid to be European Capital of Culture 2025.',
    },
    website: null,
    source:
      '002:1177-1208, 1252. The seeds say "Občina Kranj"; the official name "Mestna občina Kranj" is outside seeds',
  },
  {
    key: 'obcina-trzic',
    kind: OrganisationKind.Municipality,
    name: 'Občina Tržič',
    municipality: 'trzic',
    description: {
      sl: 'Občina, partnerica prenosa dobre prakse Kreativnic na območje nekdanje tekstilne tovarne BPT v Tržiču.',
      en: 'Municipality, partner in transferring the Kreativnice good practice to the former BPT textile factory in Tržič.',
    },
    website: null,
    source: '000:2514-2516, 3131',
  },
  {
    key: 'obcina-jesenice',
    kind: OrganisationKind.Municipality,
    name: 'Občina Jesenice',
    municipality: 'jesenice',
    description: {
      sl: 'Občina, ki je z Gornjesavskim muzejem nosilka projekta ustvarjalnih delavnic v Kulturcaféju v Ruardovi graščini.',
      en: 'Municipality that, with Gornjesavski muzej, leads the creative workshops project at Kulturcafé in Ruard Manor.',
    },
    website: null,
    source: '002:2260-2264, 2840',
  },
  {
    key: 'obcina-ziri',
    kind: OrganisationKind.Municipality,
    name: 'Občina Žiri',
    municipality: 'ziri',
    description: {
      sl: 'Občina, partnerica pilotnega projekta »Obrt in umetnost – dediščina in sodobnost« za ohranjanje znanja izdelave čevlja.',
      en: 'Municipality, partner in the pilot project "Craft and Art – heritage and modernity" for preserving the knowledge of shoemaking.',
    },
    website: null,
    source: '000:2548-2554, 3142',
  },
];
