import type { Practice } from './types.js';

/**
 * Hand-written phrase pools, one per practice, as people write about their own work: colloquial,
 * mixed Slovenian and English, sometimes without diacritics or with a typo. Written from how
 * creatives describe themselves, not from any product vocabulary. The generator (profiles.ts)
 * draws from these deterministically.
 *  - terms: what someone would type into a "crafts / skills" box;
 *  - sl / en: bio sentences in first person;
 *  - works: portfolio items (one language each), the place where evidence sometimes only appears.
 */
export interface Work { lang: 'sl' | 'en'; title: string; description: string; client?: string }
export interface PhrasePool { terms: string[]; sl: string[]; en: string[]; works: Work[] }

export const POOLS: Record<Practice, PhrasePool> = {
  footwear: {
    terms: ['čevljarstvo', 'oblikovanje obutve', 'shoe design', 'kopita in kroji', 'footwear prototyping', 'cevlji po meri'],
    sl: ['Rišem in izdelujem prototipe čevljev, od kopita do podplata.', 'Po izobrazbi sem modelar obutve, delala sem v tovarni v Žireh.', 'Čevlje delam ročno, po meri, vsak par traja kak teden.'],
    en: ['I design shoes, from the last to the sole, and make the first prototypes myself.', 'Trained as a footwear pattern maker; years in a shoe factory before going solo.'],
    works: [
      { lang: 'sl', title: 'Kolekcija planinskih čevljev', description: 'Kroji zgornjega dela in izbira usnja za serijo 2.000 parov.', client: 'tovarna obutve' },
      { lang: 'en', title: 'Barefoot sneaker prototype', description: 'Last, pattern and three prototypes of a minimalist sneaker.' },
      { lang: 'sl', title: 'Opanke na novo', description: 'Sodobna interpretacija tradicionalnih opank za butično znamko.' },
    ],
  },
  leatherwork: {
    terms: ['usnjarstvo', 'leather goods', 'usnjeni izdelki', 'ročno šivanje usnja', 'leathercraft', 'torbice iz usnja'],
    sl: ['Iz usnja šivam torbe, denarnice in pasove, vse ročno s sedlarskim vbodom.', 'V delavnici obdelujem rastlinsko strojeno usnje, barvam ga in vtiskujem vzorce.'],
    en: ['I make bags, belts and wallets from vegetable-tanned leather, hand-stitched.', 'Small leather workshop: I dye, tool and stitch everything by hand.'],
    works: [
      { lang: 'sl', title: 'Torbice za butik', description: 'Serija 40 torbic iz rastlinsko strojenega usnja z ročnim vbodom.', client: 'butik v Ljubljani' },
      { lang: 'en', title: 'Tooled leather belts', description: 'Hand-tooled belts with folk motifs, dyed by hand.' },
      { lang: 'sl', title: 'Usnjeni etuiji', description: 'Etuiji za nože in orodje, naročilo kovaške delavnice.' },
    ],
  },
  blueprint: {
    terms: ['modrotisk', 'modri tisk', 'blueprint (modrotisk)', 'indigo', 'ročni tisk z lesenimi modeli', 'block printing', 'modrotisk na usnje', 'indigo dyeing'],
    sl: ['Ukvarjam se z modrotiskom: tiskam z lesenimi modeli in barvam v indigu.', 'Tradicionalni modri tisk prenašam na sodobne materiale, tudi na usnje in les.', 'Ze leta delam z indigom, rezervni tisk, stari modeli od babice.'],
    en: ['I practise blueprint, the old resist printing with wooden blocks and an indigo vat.', 'Indigo resist printing is my thing, on linen, cotton and lately on leather too.'],
    works: [
      { lang: 'en', title: 'Indigo on leather', description: 'Printed indigo resist patterns on leather panels for a shoe brand, tested for rub fastness.', client: 'footwear brand' },
      { lang: 'sl', title: 'Prti z modrotiskom', description: 'Namizni prti, tiskani z lesenimi modeli iz 19. stoletja, barvani v indigu.' },
      { lang: 'sl', title: 'Delavnica modrega tiska', description: 'Vodila delavnico za odrasle: rezervna pasta, tisk, barvanje v kadi.', client: 'rokodelski center' },
    ],
  },
  'textile-print': {
    terms: ['sitotisk na tekstil', 'screen printing', 'tisk na blago', 'textile printing', 'potisk majic', 'rocni tisk na tekstil'],
    sl: ['V svoji mali sitotiskarni tiskam na bombaž in lan, vzorce rišem sama.', 'Tiskam vzorce na blago, najraje ročno s šablono.'],
    en: ['I run a tiny screen printing studio for fabric: tea towels, scarves, tote bags.', 'Surface pattern designer, I print my repeats on linen by hand.'],
    works: [
      { lang: 'sl', title: 'Kuhinjske krpe z vzorci', description: 'Ročno sitotiskane krpe z motivi gorenjskih rož.', client: 'spletna trgovina' },
      { lang: 'en', title: 'Scarves for a museum shop', description: 'Printed silk scarves, repeat patterns drawn from archive textiles.', client: 'museum shop' },
    ],
  },
  weaving: {
    terms: ['tkanje', 'weaving', 'statve', 'ročno tkanje', 'tkalstvo', 'handloom'],
    sl: ['Tkem na statvah, največ volno in lan, tudi preproge.', 'Tkalka, ohranjam stare vzorce in jih tkem na novo.'],
    en: ['Handweaver: wool and linen on a floor loom, rugs and throws.', 'I weave, mostly blankets, on a 100-year-old loom.'],
    works: [
      { lang: 'sl', title: 'Tkane preproge', description: 'Preproge iz ostankov volne, tkane na statvah.' },
      { lang: 'en', title: 'Woven throws', description: 'A series of woven wool throws with traditional stripes.', client: 'hotel' },
    ],
  },
  knitting: {
    terms: ['pletenje', 'kvačkanje', 'knitwear', 'pletilstvo', 'yarn', 'knitting patterns', 'pletene kape'],
    sl: ['Pletem in kvačkam, razvijam lastne vzorce za pletilje.', 'Imam majhno znamko pletenin, preja je večinoma domača.'],
    en: ['Knitwear designer: I write patterns and knit samples, mostly with local yarn.', 'I knit and crochet, hats, sweaters, blankets.'],
    works: [
      { lang: 'en', title: 'Leftover yarn collection', description: 'Hats and mittens knitted from mill-end yarn.', client: 'spinning mill' },
      { lang: 'sl', title: 'Vzorci za pletenje', description: 'Zbirka 12 vzorcev za puloverje z gorenjskimi motivi.' },
    ],
  },
  'textile-upcycling': {
    terms: ['upcycling', 'predelava tekstila', 'oblačila iz odpadnega blaga', 'zero waste fashion', 'ponovna uporaba tekstila'],
    sl: ['Iz odsluženih oblačil in ostankov blaga delam nova oblačila in dodatke.', 'Zbiram tekstilne odpadke iz tovarn in jih spreminjam v izdelke.'],
    en: ['I turn textile waste and factory offcuts into clothes and accessories.', 'Zero waste designer, everything I make comes from discarded fabric.'],
    works: [
      { lang: 'sl', title: 'Kolekcija iz ostankov', description: 'Jakne in torbe iz ostankov blaga tekstilne tovarne.', client: 'tekstilna tovarna' },
      { lang: 'en', title: 'Denim second life', description: 'Workshop series turning old jeans into bags.' },
    ],
  },
  fashion: {
    terms: ['modno oblikovanje', 'fashion design', 'šivanje', 'krojenje', 'oblačila', 'pattern cutting', 'modna oblikovalka'],
    sl: ['Sem modna oblikovalka, delam manjše kolekcije oblačil in kroje.', 'Oblačila krojim in šijem sama, od ideje do zadnjega gumba.'],
    en: ['Fashion designer making small collections, from pattern cutting to sewing.', 'I design clothes, and workwear is my guilty pleasure.'],
    works: [
      { lang: 'sl', title: 'Uniforme za kavarno', description: 'Predpasniki in srajce za osebje, udobni in obstojni.', client: 'kavarna' },
      { lang: 'en', title: 'Capsule collection', description: 'Eight pieces in linen and wool, made in Slovenia.' },
    ],
  },
  lace: {
    terms: ['klekljanje', 'bobbin lace', 'čipkarstvo', 'klekljana čipka', 'lace making'],
    sl: ['Klekljam že od osnovne šole, čipko prenašam tudi v nakit.', 'Klekljarica iz Selške doline, učim tudi tečaje.'],
    en: ['I make bobbin lace and teach it; lately lace-inspired jewellery.', 'Lace maker, third generation.'],
    works: [
      { lang: 'sl', title: 'Čipkasti uhani', description: 'Klekljani uhani iz svile, prodaja na festivalu.' },
      { lang: 'en', title: 'Lace pattern archive', description: 'Drew 30 old lace patterns digitally for a local association.', client: 'lace association' },
    ],
  },
  woodcarving: {
    terms: ['rezbarjenje', 'woodcarving', 'struženje lesa', 'woodturning', 'rezljanje', 'leseni izdelki'],
    sl: ['Rezbarim in stružim, največ v lipi in orehu.', 'Iz lesa delam skledice, žlice in kipce.'],
    en: ['Wood carver and turner, bowls, spoons and the occasional sculpture.', 'I carve, mostly linden and walnut.'],
    works: [
      { lang: 'sl', title: 'Lesene skledice', description: 'Struženi izdelki iz domačega oreha za trgovino s spominki.' },
      { lang: 'en', title: 'Carved signs', description: 'Hand-carved wooden signs for mountain huts.', client: 'alpine club' },
    ],
  },
  furniture: {
    terms: ['mizarstvo', 'oblikovanje pohištva', 'furniture design', 'masivni les', 'pohištvo po meri', 'carpentry'],
    sl: ['Oblikujem in izdelujem pohištvo iz masivnega lesa.', 'Mizar in oblikovalec, delam mize, stole in police.'],
    en: ['Furniture designer-maker working in solid wood.', 'I design chairs and tables for small-batch production.'],
    works: [
      { lang: 'sl', title: 'Stol iz smreke', description: 'Zložljiv stol za serijsko izdelavo v lokalni mizarski delavnici.', client: 'mizarstvo' },
      { lang: 'en', title: 'Oak dining table', description: 'Solid oak table with wedged tenons, made to order.' },
    ],
  },
  forging: {
    terms: ['kovaštvo', 'kovanje', 'blacksmithing', 'umetno kovaštvo', 'forging', 'kovac'],
    sl: ['Sem kovač, kujem ograje, orodje in umetniške izdelke.', 'V vigenjcu kujem, tudi žeblje po starem.'],
    en: ['Blacksmith: gates, tools and artwork, all hot forged.', 'I forge, from knives to railings.'],
    works: [
      { lang: 'sl', title: 'Kovana ograja', description: 'Ročno kovana ograja za stopnišče stare hiše.' },
      { lang: 'en', title: 'Nail-making demos', description: 'Live forging demonstrations at a heritage day.', client: 'museum' },
    ],
  },
  'metal-design': {
    terms: ['oblikovanje kovine', 'metal design', 'jeklene skulpture', 'lasersko rezanje pločevine', 'steel furniture', 'kovinski izdelki'],
    sl: ['Oblikujem izdelke iz jekla in pločevine, od svetil do klopi.', 'Delam z jeklom, lasersko razrezano in zvarjeno v objekte.'],
    en: ['I design objects in steel plate: lamps, benches, planters.', 'Metal designer, sheet steel and profiles.'],
    works: [
      { lang: 'en', title: 'Steel planters', description: 'Corten planters and benches for a town square.', client: 'municipality' },
      { lang: 'sl', title: 'Jeklena svetila', description: 'Serija svetil iz lasersko rezane pločevine.' },
    ],
  },
  glass: {
    terms: ['steklo', 'pihanje stekla', 'glassblowing', 'fusing', 'vitraži', 'stained glass', 'steklarstvo umetniško'],
    sl: ['Pihano steklo je moja strast, delam kozarce in vaze.', 'Delam vitraže in fuzijsko steklo.'],
    en: ['Glassblower, drinking glasses and vases.', 'Stained glass and fused glass artist.'],
    works: [
      { lang: 'sl', title: 'Kozarci za vino', description: 'Ročno pihani kozarci za vinsko klet.', client: 'vinska klet' },
      { lang: 'en', title: 'Fused glass pendants', description: 'Small pendants with alpine flowers, sold at a gift shop.' },
    ],
  },
  ceramics: {
    terms: ['keramika', 'lončarstvo', 'ceramics', 'pottery', 'vrtenje na vretenu', 'stoneware'],
    sl: ['Na vretenu delam uporabno keramiko, krožnike in sklede.', 'Lončarka, glino kopljem tudi sama.'],
    en: ['Potter making tableware on the wheel, stoneware mostly.', 'Ceramicist, plates, bowls, mugs.'],
    works: [
      { lang: 'en', title: 'Tableware for a bistro', description: '200 plates and bowls, wheel-thrown stoneware.', client: 'bistro' },
      { lang: 'sl', title: 'Skodelice iz lokalne gline', description: 'Serija skodelic iz gline iz okolice Kamnika.' },
    ],
  },
  'folk-heritage-craft': {
    terms: ['poslikava panjskih končnic', 'lectarstvo', 'ljudska umetnost', 'folk painting', 'slikanje na les', 'lect'],
    sl: ['Slikam panjske končnice po starih predlogah in restavriram stare.', 'Izdelujem lect in ga okrašujem po starem.'],
    en: ['I paint beehive panels in the old folk style and restore old ones.', 'Gingerbread maker, decorated hearts the traditional way.'],
    works: [
      { lang: 'sl', title: 'Kopije končnic', description: 'Deset kopij poslikanih panjskih končnic za razstavo.', client: 'muzej' },
      { lang: 'en', title: 'Gingerbread hearts', description: 'Decorated gingerbread for a Christmas market.' },
    ],
  },
  'graphic-design': {
    terms: ['grafično oblikovanje', 'graphic design', 'celostna grafična podoba', 'branding', 'logotipi', 'CGP', 'tipografija'],
    sl: ['Grafični oblikovalec, delam logotipe, celostne podobe in plakate.', 'Oblikujem vizualne identitete za male znamke in občine.'],
    en: ['Graphic designer: identities, posters, books.', 'I do branding and editorial design.'],
    works: [
      { lang: 'sl', title: 'CGP za festival', description: 'Logotip, plakat in objave za lokalni festival.', client: 'zavod za kulturo' },
      { lang: 'en', title: 'Book design', description: 'Layout and cover of a photo book.' },
    ],
  },
  illustration: {
    terms: ['ilustracija', 'illustration', 'risanje', 'digital painting', 'ilustratorka', 'character design'],
    sl: ['Ilustriram knjige in plakate, rišem ročno in digitalno.', 'Rišem like in zgodbe, tudi za otroke.'],
    en: ['Illustrator, children books, posters, editorial.', 'I draw, a lot, mostly digital.'],
    works: [
      { lang: 'sl', title: 'Slikanica', description: 'Ilustracije za slikanico o gorenjskih pravljicah.' },
      { lang: 'en', title: 'Festival poster', description: 'Illustrated poster for a music festival.' },
    ],
  },
  packaging: {
    terms: ['oblikovanje embalaže', 'packaging design', 'embalaza', 'etikete', 'labels', 'dieline'],
    sl: ['Oblikujem embalažo in etikete za male pridelovalce.', 'Embalaža je moje področje, od kroja škatle do tiska.'],
    en: ['Packaging designer, boxes, labels, dielines, print-ready files.', 'I design packaging for food and cosmetics brands.'],
    works: [
      { lang: 'sl', title: 'Etikete za med', description: 'Etikete in škatlice za čebelarja.', client: 'čebelarstvo' },
      { lang: 'en', title: 'Soap packaging', description: 'Plastic-free carton packaging for handmade soap.', client: 'cosmetics startup' },
    ],
  },
  signage: {
    terms: ['signalizacija', 'wayfinding', 'usmerjevalne table', 'informacijske table', 'signage design'],
    sl: ['Načrtujem sisteme usmerjanja in table za javne prostore.', 'Delam signalizacijo za stavbe in mesta.'],
    en: ['Wayfinding and signage designer for public spaces.', 'Signs, maps and directional systems.'],
    works: [
      { lang: 'sl', title: 'Table za pešpoti', description: 'Usmerjevalne table in zemljevidi za pohodniške poti.', client: 'občina' },
      { lang: 'en', title: 'Hospital wayfinding', description: 'Colour-coded wayfinding for a regional hospital.' },
    ],
  },
  photography: {
    terms: ['fotografija', 'photography', 'dokumentarna fotografija', 'portreti', 'fotograf', 'architectural photography'],
    sl: ['Fotografiram ljudi pri delu in industrijske prostore.', 'Dokumentarni fotograf, največ portreti.'],
    en: ['Documentary photographer, people at work, industrial spaces.', 'I shoot portraits and architecture.'],
    works: [
      { lang: 'sl', title: 'Zadnji dan tovarne', description: 'Fotoreportaža o zaprtju tekstilne tovarne.' },
      { lang: 'en', title: 'Portraits of craftspeople', description: 'A series of 40 portraits of makers in their workshops.', client: 'regional development agency' },
    ],
  },
  video: {
    terms: ['video', 'snemanje', 'montaža', 'filmmaking', 'dron', 'videography', 'režija'],
    sl: ['Snemam in montiram promocijske in dokumentarne filme.', 'Video produkcija, od scenarija do barvne korekcije.'],
    en: ['Filmmaker: promos, documentaries, drone footage.', 'I shoot and edit video, mostly for tourism.'],
    works: [
      { lang: 'en', title: 'Summer promo', description: 'A 90-second promotional film for a mountain resort, with drone shots.', client: 'tourist board' },
      { lang: 'sl', title: 'Dokumentarec o kovačih', description: 'Kratki dokumentarni film o zadnjih kovačih.' },
    ],
  },
  animation: {
    terms: ['animacija', 'animation', 'motion graphics', '2D animacija', 'stop motion', 'animirani filmi'],
    sl: ['Animiram kratke filme in razlagalne videe.', 'Delam 2D animacijo in motion grafiko.'],
    en: ['Animator, 2D and motion graphics, explainers.', 'I make short animated films.'],
    works: [
      { lang: 'sl', title: 'Risanka za vrtec', description: 'Kratka animacija o umivanju zob za otroke.', client: 'zdravstveni dom' },
      { lang: 'en', title: 'Explainer video', description: 'Animated explainer for a recycling app.' },
    ],
  },
  podcast: {
    terms: ['podkast', 'podcast', 'snemanje zvoka', 'audio montaža', 'radijske oddaje', 'sound editing'],
    sl: ['Vodim in montiram podkaste, prej sem delala na radiu.', 'Zvočni posnetki, intervjuji in montaža.'],
    en: ['Podcast producer, field recording and editing.', 'I make audio documentaries and podcasts.'],
    works: [
      { lang: 'sl', title: 'Podkast o gorah', description: '20 epizod pogovorov z alpinisti, snemanje in montaža.' },
      { lang: 'en', title: 'Audio walk', description: 'An audio walk through an old town with voices of residents.', client: 'town museum' },
    ],
  },
  'oral-history': {
    terms: ['ustna zgodovina', 'oral history', 'etnologija', 'zbiranje spominov', 'terenski intervjuji', 'kulturna dediščina'],
    sl: ['Etnologinja, zbiram spomine starejših in jih zapisujem.', 'Ukvarjam se z ustno zgodovino in lokalno dediščino.'],
    en: ['Ethnologist collecting life stories and memories.', 'I do oral history interviews and heritage research.'],
    works: [
      { lang: 'sl', title: 'Spomini fužinarjev', description: 'Zbrala 30 pričevanj nekdanjih delavcev železarne.', client: 'muzej' },
      { lang: 'en', title: 'Memories of the mill', description: 'Interviews with former textile workers, transcribed and archived.' },
    ],
  },
  'exhibition-design': {
    terms: ['oblikovanje razstav', 'exhibition design', 'muzejske postavitve', 'scenografija razstav', 'interpretacija dediščine'],
    sl: ['Oblikujem muzejske postavitve in interaktivne razstave.', 'Razstave postavljam od koncepta do montaže.'],
    en: ['Exhibition designer, museums and visitor centres.', 'I design interactive exhibits.'],
    works: [
      { lang: 'sl', title: 'Stalna razstava', description: 'Postavitev stalne zbirke v lokalnem muzeju, s praktičnimi postajami za otroke.', client: 'muzej' },
      { lang: 'en', title: 'Hands-on exhibit', description: 'A mechanical hands-on station for a science centre.' },
    ],
  },
  web: {
    terms: ['spletni razvoj', 'web development', 'React', 'UX', 'spletne strani', 'full stack', 'mobile-first'],
    sl: ['Programiram spletne aplikacije, najraje v Reactu.', 'Delam spletne strani in trgovine.'],
    en: ['Full-stack web developer, React and Node.', 'UX designer and front-end developer.'],
    works: [
      { lang: 'en', title: 'Booking platform', description: 'A booking web app with a calendar and payments for a guesthouse.', client: 'guesthouse' },
      { lang: 'sl', title: 'Spletna trgovina', description: 'Spletna trgovina za lokalne pridelovalce.' },
    ],
  },
  game: {
    terms: ['razvoj iger', 'game development', 'Unity', 'AR', 'VR', 'obogatena resničnost', 'interaktivne instalacije'],
    sl: ['Razvijam igre v Unityju, tudi AR za telefon.', 'Delam interaktivne instalacije in igre.'],
    en: ['Game developer, Unity, AR on phones.', 'I build playful interactive installations.'],
    works: [
      { lang: 'en', title: 'AR treasure hunt', description: 'An augmented-reality treasure hunt for a city festival.', client: 'city festival' },
      { lang: 'sl', title: 'Igra o rudarjih', description: 'Izobraževalna igra o rudarski dediščini.' },
    ],
  },
  'public-space': {
    terms: ['krajinska arhitektura', 'urbanizem', 'javni prostor', 'landscape architecture', 'igrišča', 'urbana oprema'],
    sl: ['Krajinska arhitektka, načrtujem igrišča in trge.', 'Ukvarjam se z urejanjem javnih prostorov.'],
    en: ['Landscape architect, playgrounds and squares.', 'Public space designer.'],
    works: [
      { lang: 'sl', title: 'Naravno igrišče', description: 'Zasnova igrišča iz lesa in kamna ob šoli.', client: 'občina' },
      { lang: 'en', title: 'Town square', description: 'Redesign of a small town square with benches and trees.' },
    ],
  },
  architecture: {
    terms: ['arhitektura', 'architecture', 'notranja oprema', 'interior design', 'prenova stavb'],
    sl: ['Arhitekt, prenavljam stare stavbe in delam notranjo opremo.', 'Arhitektura in oblikovanje interierjev.'],
    en: ['Architect, renovations and interiors.', 'I design interiors and small buildings.'],
    works: [
      { lang: 'sl', title: 'Prenova hleva', description: 'Prenova starega hleva v delavnico.' },
      { lang: 'en', title: 'Factory loft', description: 'Conversion of an old factory hall into studios.' },
    ],
  },
  events: {
    terms: ['organizacija dogodkov', 'event management', 'produkcija dogodkov', 'festivali', 'event production'],
    sl: ['Organiziram festivale in dogodke, od programa do tehnike.', 'Producentka dogodkov, tudi na zahtevnih lokacijah.'],
    en: ['Event producer, festivals and site-specific nights.', 'I organise events, from programme to safety.'],
    works: [
      { lang: 'sl', title: 'Poletni festival', description: 'Produkcija tridnevnega festivala v stari tovarni.', client: 'zavod' },
      { lang: 'en', title: 'Industrial heritage night', description: 'Evening tours, projections and a concert in an old mill.' },
    ],
  },
  gastronomy: {
    terms: ['kulinarika', 'gastronomy', 'kuhar', 'food product development', 'lokalna hrana', 'razvoj živil'],
    sl: ['Kuharica, razvijam jedi in izdelke iz lokalnih sestavin.', 'Ukvarjam se s kulinarično dediščino.'],
    en: ['Chef developing dishes and products from local produce.', 'Food developer, heritage recipes.'],
    works: [
      { lang: 'sl', title: 'Degustacijski meni', description: 'Meni iz gorenjskih sestavin za turistično kmetijo.' },
      { lang: 'en', title: 'Honey products', description: 'Developed a honey spread and its recipe.' },
    ],
  },
  tourism: {
    terms: ['turistično vodenje', 'tour guide', 'doživetja', 'experience design', 'turizem'],
    sl: ['Turistična vodnica, pripravljam doživetja za goste.', 'Oblikujem turistične produkte in ture.'],
    en: ['Tour guide and experience designer.', 'I create guided experiences for visitors.'],
    works: [
      { lang: 'sl', title: 'Rokodelska tura', description: 'Enodnevna tura po delavnicah rokodelcev.' },
      { lang: 'en', title: 'Foraging walk', description: 'A guided foraging walk with tasting.' },
    ],
  },
  copywriting: {
    terms: ['copywriting', 'pisanje besedil', 'prevajanje', 'storytelling', 'lektoriranje', 'novinarstvo'],
    sl: ['Pišem besedila za spletne strani in kataloge, tudi prevajam.', 'Novinarka in piska, zgodbe ljudi.'],
    en: ['Copywriter and translator, Slovenian and English.', 'I write stories about people and places.'],
    works: [
      { lang: 'sl', title: 'Besedila za katalog', description: 'Besedila za katalog rokodelskih izdelkov.' },
      { lang: 'en', title: 'Translation of a guidebook', description: 'Translated a local guidebook into English.' },
    ],
  },
  'social-media': {
    terms: ['družbena omrežja', 'social media', 'instagram', 'tiktok', 'digitalni marketing', 'content creation'],
    sl: ['Vodim profile na družbenih omrežjih za male znamke.', 'Digitalni marketing, vsebine za Instagram in TikTok.'],
    en: ['Social media manager, Instagram and TikTok content.', 'Content creator and digital marketer.'],
    works: [
      { lang: 'sl', title: 'Kampanja za kmetijo', description: 'Pol leta objav in reelov za turistično kmetijo.' },
      { lang: 'en', title: 'Weekly maker stories', description: 'A weekly Instagram series featuring local makers.' },
    ],
  },
  upholstery: {
    terms: ['tapetništvo', 'upholstery', 'oblazinjenje', 'leather sofas', 'usnjene sedežne'],
    sl: ['Tapetnik, obnavljam sedežne garniture, tudi usnjene.', 'Oblazinjam stole in kavče, usnje in blago.'],
    en: ['Upholsterer, leather sofas and armchairs.', 'I reupholster furniture in leather and fabric.'],
    works: [
      { lang: 'sl', title: 'Obnova usnjene sedežne', description: 'Nova usnjena prevleka za sedežno garnituro iz 70. let.' },
      { lang: 'en', title: 'Car seats', description: 'Leather upholstery of classic car seats.' },
    ],
  },
  'offset-print': {
    terms: ['tiskarna', 'digitalni tisk', 'offset', 'tisk vizitk', 'print shop', 'tisk letakov'],
    sl: ['Imamo tiskarno, tiskamo letake, vizitke in nalepke.', 'Digitalni in offsetni tisk, hitro in poceni.'],
    en: ['Print shop: flyers, business cards, stickers.', 'Offset and digital printing services.'],
    works: [
      { lang: 'sl', title: 'Tisk katalogov', description: 'Tisk 5.000 katalogov za sejem.' },
      { lang: 'en', title: 'Sticker run', description: 'Printed 20,000 labels for a dairy.' },
    ],
  },
  'welding-industrial': {
    terms: ['varjenje', 'welding', 'jeklene konstrukcije', 'ključavničarstvo', 'steel structures'],
    sl: ['Varim jeklene konstrukcije za hale in stroje.', 'Ključavničar, varjenje, montaža.'],
    en: ['Welder, steel structures for industry.', 'Industrial welding and assembly.'],
    works: [
      { lang: 'sl', title: 'Jeklena hala', description: 'Varjenje konstrukcije skladiščne hale.' },
      { lang: 'en', title: 'Machine frames', description: 'Welded steel frames for a packaging machine.' },
    ],
  },
  glazing: {
    terms: ['steklarstvo', 'montaža oken', 'zasteklitve', 'glazing', 'glass installation'],
    sl: ['Steklar, montiramo okna, tuš kabine in ogledala.', 'Zasteklitve balkonov in izložb.'],
    en: ['Glazier, windows, mirrors and shower screens.', 'Glass installation for shops and homes.'],
    works: [
      { lang: 'sl', title: 'Izložbe', description: 'Nove zasteklitve izložb v mestnem jedru.' },
      { lang: 'en', title: 'Shower screens', description: 'Fitted 40 glass shower screens in a hotel.' },
    ],
  },
  'wedding-photo': {
    terms: ['poročna fotografija', 'wedding photography', 'fotografiranje porok', 'družinski portreti'],
    sl: ['Fotografiram poroke in družinska slavja.', 'Poročni fotograf, tudi video.'],
    en: ['Wedding photographer, families and celebrations.', 'I photograph weddings, mostly at Bled.'],
    works: [
      { lang: 'en', title: 'Lake wedding', description: 'Full-day wedding coverage by the lake.' },
      { lang: 'sl', title: 'Družinski portreti', description: 'Portreti družin na domu.' },
    ],
  },
  'it-support': {
    terms: ['računalniški servis', 'IT support', 'mreže', 'vzdrževanje računalnikov', 'servis prenosnikov'],
    sl: ['Popravljam računalnike in urejam mreže v podjetjih.', 'IT podpora za mala podjetja.'],
    en: ['IT support for small offices, networks and laptops.', 'I fix computers.'],
    works: [
      { lang: 'sl', title: 'Mreža za pisarno', description: 'Postavitev mreže in varnostnih kopij za računovodstvo.' },
      { lang: 'en', title: 'Laptop fleet', description: 'Set up 30 laptops for a school.' },
    ],
  },
  catering: {
    terms: ['catering', 'pogostitve', 'strežba', 'kuhanje za dogodke'],
    sl: ['Pripravljamo pogostitve za dogodke in poroke.', 'Catering, od malice do banketa.'],
    en: ['Catering for events and weddings.', 'We cook for events, 20 to 500 guests.'],
    works: [
      { lang: 'sl', title: 'Banket', description: 'Pogostitev za 300 gostov na poslovnem dogodku.' },
      { lang: 'en', title: 'Festival food stand', description: 'Food stand at a summer festival.' },
    ],
  },
  music: {
    terms: ['glasba', 'music', 'kitara', 'DJ', 'komponiranje', 'sound design'],
    sl: ['Glasbenik, igram kitaro in komponiram.', 'Skladam glasbo za gledališče in film.'],
    en: ['Musician and composer.', 'DJ and sound designer.'],
    works: [
      { lang: 'sl', title: 'Glasba za predstavo', description: 'Avtorska glasba za gledališko predstavo.' },
      { lang: 'en', title: 'Live set', description: 'Live set at a festival in an old factory.' },
    ],
  },
};

/** Vague filler people write around the evidence (says nothing about the craft). */
export const FILLER_SL = [
  'Veseli me ustvarjanje in učenje novih stvari.', 'Odprt/a za sodelovanja.', 'Doma sem z Gorenjske, delam pa povsod.',
  'Vsak projekt je zame nov izziv.', 'Veselim se novih idej in ljudi.', 'Doma imam dva otroka in psa, tako da včasih odgovarjam bolj počasi :)',
  'Delam v svojem ateljeju.', 'Najraje delam z ljudmi, ki vedo, kaj hočejo.', 'Služba je ena stvar, to pa je moja druga ljubezen.',
];
export const FILLER_EN = [
  'Always open to collaborations.', 'I love learning new things.', 'Based in Slovenia, working everywhere.', 'Happy to chat about any project.',
  'I moved here a few years ago and love the mountains.', 'Slow and careful work is my thing.', 'Previously worked abroad for some years.',
];
/** Generic skills everyone lists (no evidence of a craft). */
export const GENERIC_SKILLS = ['komunikacija', 'teamwork', 'kreativnost', 'Photoshop', 'vodenje projektov', 'project management', 'natančnost', 'MS Office', 'Canva', 'social skills', 'samostojnost'];

/** More ways to say the same (merged into the pools' bio sentences). */
const MORE: Partial<Record<Practice, { sl: string; en: string }>> = {
  footwear: { sl: 'cevlje rišem od malega, zdaj jih tudi sešijem in podplatim', en: 'Shoemaker. Lasts, uppers, soles - the whole thing.' },
  leatherwork: { sl: 'Usnje, šilo, dretva in veliko potrpežljivosti.', en: 'Everything I make is leather: straps, pouches, notebook covers.' },
  blueprint: { sl: 'Modrotiskarka. Stari leseni modeli, indigo kad in lan.', en: 'Resist print + indigo vat, the old Central European way.' },
  'textile-print': { sl: 'Rišem vzorce in jih natisnem na blago, s sitom ali z linorezom.', en: 'I draw repeat patterns and print them on fabric with screens and lino blocks.' },
  weaving: { sl: 'Statve so mi ostale po stari mami, od takrat tkem.', en: 'Weaving rag rugs and linen towels, slow textile.' },
  knitting: { sl: 'Pletilja, predvsem volna iz Bohinja in Jezerskega.', en: 'Knitting designer, yarn nerd, sock addict.' },
  'textile-upcycling': { sl: 'Nič ne vržem stran, iz starih rjuh in kavbojk nastanejo torbe in jakne.', en: 'Upcycled fashion from factory offcuts and old sheets.' },
  fashion: { sl: 'Diplomirala iz oblikovanja oblačil, zdaj imam svojo znamko.', en: 'Clothing designer with my own small label.' },
  lace: { sl: 'Čipka je moja strast, klekljam vsak dan.', en: 'Idrija-style bobbin lace, modern shapes.' },
  woodcarving: { sl: 'Stružnica in dleta, to je moj svet.', en: 'Green woodworking, spoon carving, bowls on a pole lathe.' },
  furniture: { sl: 'Mizar z 20 leti izkušenj, zdaj tudi oblikujem.', en: 'Joiner and designer, solid wood only.' },
  forging: { sl: 'Kujem na ognju, kladivo in nakovalo.', en: 'Hot forging, traditional joinery in iron.' },
  'metal-design': { sl: 'Oblikovalec izdelkov iz kovine, CNC, laser, zvarjeno.', en: 'Product designer, steel and aluminium, built for outdoors.' },
  glass: { sl: 'Delam s steklom na plamenu in v peči.', en: 'Glass artist - blown, lampworked and kiln formed pieces.' },
  ceramics: { sl: 'Keramičarka, žgem v plinski peči, glazure mešam sama.', en: 'Small pottery studio, functional stoneware.' },
  'folk-heritage-craft': { sl: 'Ljudska obrt: poslikave, lectarstvo, stari vzorci.', en: 'Traditional folk crafts from Gorenjska, painted and baked.' },
  'graphic-design': { sl: 'Oblikujem logotipe, plakate in knjige.', en: 'Designer - logos, type, layouts.' },
  illustration: { sl: 'Ilustratorka, rišem s svinčnikom in v Procreate.', en: 'Drawing every day, picture books and posters.' },
  packaging: { sl: 'Škatle, etikete, vrečke - vse, kar drži izdelek.', en: 'Packaging and label design for small food brands.' },
  signage: { sl: 'Table, smerokazi, zemljevidi za mesta in parke.', en: 'Wayfinding: making places easy to walk through.' },
  photography: { sl: 'Fotograf, ljudje in prostori.', en: 'Photographer, documentary and reportage.' },
  video: { sl: 'Snemalec in montažer, imam dron.', en: 'Video producer, camera, drone, edit, grade.' },
  animation: { sl: 'Animatorka, risanke in razlagalni filmčki.', en: 'Motion designer and 2D animator.' },
  podcast: { sl: 'Zvok, mikrofoni, montaža - delam podkaste.', en: 'Audio producer, podcasts and radio features.' },
  'oral-history': { sl: 'Zapisujem zgodbe starejših ljudi, etnologija.', en: 'Collecting memories and life stories, ethnology.' },
  'exhibition-design': { sl: 'Razstave v muzejih, od ideje do postavitve.', en: 'Museum and exhibition design, hands-on stations.' },
  web: { sl: 'Programer, spletne aplikacije in strani.', en: 'Web developer, TypeScript, React, Node.' },
  game: { sl: 'Delam igre in AR aplikacije.', en: 'Game designer and developer, mobile AR.' },
  'public-space': { sl: 'Urejam javne prostore, parke in igrišča.', en: 'Landscape and public space design.' },
  architecture: { sl: 'Arhitektka, notranja oprema in prenove.', en: 'Architect working on renovations.' },
  events: { sl: 'Organizacija dogodkov in festivalov.', en: 'Event organiser, festivals and concerts.' },
  gastronomy: { sl: 'Kuham in razvijam nove jedi iz domačih sestavin.', en: 'Cook and food developer.' },
  tourism: { sl: 'Vodim ture in pripravljam doživetja.', en: 'Guide, tours and experiences.' },
  copywriting: { sl: 'Pišem, urejam, prevajam.', en: 'Writer and translator, sl/en.' },
  'social-media': { sl: 'Instagram, TikTok, vsebine za znamke.', en: 'Social content for brands, reels and stories.' },
};
for (const [practice, more] of Object.entries(MORE) as [Practice, { sl: string; en: string }][]) {
  POOLS[practice].sl.push(more.sl);
  POOLS[practice].en.push(more.en);
}
