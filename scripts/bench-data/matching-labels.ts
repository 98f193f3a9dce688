/**
 * Labelled relevance for `npm run bench:matching`: the six seed challenges (demo catalogue) ×
 * the demo creative profiles. Grades: 3 = exactly who the brief asks for; 2 = clearly able to
 * contribute; 1 = plausible with effort or as a partner; unlisted = 0 (not relevant).
 *
 * Labelled by the developers from the brief and the profile texts (domain brief §2, demo
 * profiles), before tuning the weights, each with the reason below. It is a small set written
 * by the people who built the scorer: read the figures as a regression guard and a sanity
 * check, not as an independent evaluation.
 */
export interface RelevanceLabel {
  /** Demo creative display name. */
  creative: string;
  grade: 1 | 2 | 3;
  why: string;
}

export const MATCHING_LABELS: Readonly<Record<string, readonly RelevanceLabel[]>> = {
  // Alpina Žiri: modern blueprint (modrotisk) on leather for hiking shoes.
  'alpina-modrotisk-na-usnju': [
    { creative: 'Neža Usnjevec', grade: 3, why: 'footwear design student transferring traditional patterns (blueprint) onto leather' },
    { creative: 'Gal Strojevec', grade: 3, why: 'leather goods with indigo dyeing, from Žiri like Alpina' },
    { creative: 'Meta Modrinjak', grade: 3, why: 'hand-printed blueprint with wooden blocks; also works leather' },
    { creative: 'Tilen Podplatar', grade: 2, why: 'shoemaker in leather; no blueprint, but knows footwear' },
    { creative: 'Špela Šivankar', grade: 2, why: 'industrial footwear designer in Žiri, leather' },
    { creative: 'Lana Žebeljnik', grade: 2, why: 'indigo and blueprint on textile; the technique without the leather' },
    { creative: 'Katja Jelovčan', grade: 1, why: 'works with leather offcuts (jewellery)' },
    { creative: 'Maruša Tkavec', grade: 1, why: 'product renderings for manufacturers in Žiri; could visualise the shoe' },
    { creative: 'Kolektiv Tri kopita', grade: 1, why: 'shoemaking heritage, Tržič' },
  ],
  // Gorenjska predilnica: Endless thread — uses for yarn and textile waste, and its promotion.
  'gorenjska-predilnica-neskoncna-nit': [
    { creative: 'Studio Nitnica', grade: 3, why: 'products from leftover yarn and textile waste (upcycling)' },
    { creative: 'Tjaša Šivnik', grade: 3, why: 'fashion from fabric offcuts (upcycling textile waste)' },
    { creative: 'Atelje Tri niti', grade: 2, why: 'textile art: weaving with yarn' },
    { creative: 'Manca Pletenc', grade: 2, why: 'knitwear designer developing yarn colours' },
    { creative: 'Maja Vzorčan', grade: 2, why: 'textile design student' },
    { creative: 'Lana Žebeljnik', grade: 1, why: 'dyes yarn; textile maker' },
    { creative: 'Bor Skalnik', grade: 1, why: 'upcycles wood and fabric into stage sets' },
    { creative: 'Studio Kvadrat in krog', grade: 1, why: 'upcycling interiors with textile' },
    { creative: 'Rok Tiskovec', grade: 1, why: 'branding and packaging for the promotional side' },
    { creative: 'Zala Klobučevec', grade: 1, why: 'works with wool felt and textile' },
  ],
  // BSC Kranj: blueprint apron, student contest, tourist souvenir.
  'predpasnik-modrotisk': [
    { creative: 'Meta Modrinjak', grade: 3, why: 'blueprint and indigo printing on cotton and linen' },
    { creative: 'Lana Žebeljnik', grade: 3, why: 'indigo and blueprint dyeing of fabric' },
    { creative: 'Tjaša Šivnik', grade: 3, why: 'sews aprons; textile' },
    { creative: 'Gal Strojevec', grade: 2, why: 'design student with indigo dyeing (on leather)' },
    { creative: 'Neža Usnjevec', grade: 2, why: 'student; blueprint patterns (on leather)' },
    { creative: 'Eva Valovnik', grade: 2, why: 'souvenir designer with textile' },
    { creative: 'Maja Vzorčan', grade: 1, why: 'textile design student' },
    { creative: 'Atelje Tri niti', grade: 1, why: 'textile art' },
    { creative: 'Studio Nitnica', grade: 1, why: 'textile products' },
    { creative: 'Manca Pletenc', grade: 1, why: 'textile (knitwear) design' },
  ],
  // Občina Škofja Loka: mobile furniture for a public square (wood, steel, prototyping).
  'skofja-loka-mobilno-pohistvo': [
    { creative: 'Anže Lesovšek', grade: 3, why: 'movable furniture for public spaces, in Škofja Loka' },
    { creative: 'Jaka Okvirnik', grade: 3, why: 'temporary layouts of squares; furniture in wood and steel' },
    { creative: 'Domen Smrekovnik', grade: 2, why: 'furniture designer in solid wood' },
    { creative: 'Studio Kvadrat in krog', grade: 2, why: 'furniture and interiors' },
    { creative: 'Urh Kladivnik', grade: 2, why: 'forged iron fittings and railings' },
    { creative: 'Klemen Vetrnjak', grade: 2, why: 'architect, urban design' },
    { creative: 'Bor Skalnik', grade: 1, why: 'builds sets in wood' },
    { creative: 'Sara Smučnik', grade: 1, why: 'prototyping in steel (product design)' },
    { creative: 'Andraž Macesnik', grade: 1, why: 'woodworker' },
  ],
  // Gornjesavski muzej Jesenice: Kulturcafé photography and painting challenge.
  'kulturcafe-jesenice': [
    { creative: 'Vid Plamenšek', grade: 3, why: 'photographer of the Jesenice steelworks; runs workshops' },
    { creative: 'Hana Barvinc', grade: 3, why: 'painter from Jesenice, industrial landscapes' },
    { creative: 'Kolektiv Žerjavica', grade: 3, why: 'photography workshops for young people in Jesenice' },
    { creative: 'Mojca Krtačnik', grade: 2, why: 'painter; arts education' },
    { creative: 'Kolektiv Poljanski pik', grade: 2, why: 'painting colonies and exhibitions; arts education' },
    { creative: 'Blaž Žarnik', grade: 2, why: 'photographer' },
    { creative: 'Mark Senčar', grade: 2, why: 'photographer' },
    { creative: 'Brina Popisnik', grade: 1, why: 'archive of old factory photographs in Jesenice' },
    { creative: 'Matic Kadrovec', grade: 1, why: 'documentary photography and film about industrial workers' },
  ],
  // BPT Tržič: a new use for the former textile factory (architecture, heritage, tourism).
  'bpt-trzic-kreativni-center': [
    { creative: 'Klemen Vetrnjak', grade: 3, why: 'architect from Tržič converting abandoned industrial buildings' },
    { creative: 'Kolektiv Tri kopita', grade: 2, why: 'heritage tourism and workshops in Tržič' },
    { creative: 'Kolektiv Ropot', grade: 2, why: 'stages performances in disused factory halls' },
    { creative: 'Jaka Okvirnik', grade: 2, why: 'architecture student' },
    { creative: 'Primož Kresničar', grade: 2, why: 'heritage exhibition design' },
    { creative: 'Petra Svetlin', grade: 2, why: 'tourism experiences around crafts and industry' },
    { creative: 'Studio Kvadrat in krog', grade: 1, why: 'interiors for coworking spaces' },
    { creative: 'Anže Lesovšek', grade: 1, why: 'design and architecture' },
    { creative: 'Brina Popisnik', grade: 1, why: 'industrial heritage archives' },
  ],
};
