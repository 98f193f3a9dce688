import { gqlOk, type Product, type SignedIn, signUpVerified } from './product';

/**
 * Signed-up people with their own things, made through the API of a running product:
 * an organisation owner (organisation, a draft and a published challenge, a need, a published
 * event with approval) and a creative (profile with consent, offer, a draft proposal and a
 * question on the published challenge, registered and approved at the event).
 */
export interface World {
  owner: SignedIn;
  creative: SignedIn;
  ids: {
    organisation: string; draftChallenge: string; challenge: string; need: string; event: string; slot: string; ownerParticipant: string;
    profile: string; offer: string; proposal: string; question: string; creativeParticipant: string; meetingRequest: string;
  };
}

type Data = Record<string, { id: string } & Record<string, unknown>>;

export async function buildWorld(product: Pick<Product, 'base' | 'dataDir'>, tag: string): Promise<World> {
  const { base } = product;
  const [owner, creative] = await Promise.all([
    signUpVerified(product, `owner-${tag}@example.com`, `Lastnica ${tag}`),
    signUpVerified(product, `creative-${tag}@example.com`, `Ustvarjalka ${tag}`),
  ]);
  const as = (who: SignedIn, query: string, variables: Record<string, unknown> = {}) => gqlOk<Data>(base, query, variables, who.token);
  const organisation = (await as(owner, `mutation { createOrganisation(input: { kind: COMPANY, name: "Fuzz d.o.o.", municipality: "kranj" }) { id } }`)).createOrganisation.id;
  const challenge = async (title: string) => (await as(owner, `mutation($o: ID!, $t: String!) { createChallenge(input: { ownerOrganisationId: $o, title: { sl: $t }, brief: { sl: "Kratek opis." }, domains: ["design-visual-arts"], techniques: ["blueprint"], materials: ["leather"], deadline: "2099-01-01T00:00:00Z" }) { id } }`, { o: organisation, t: title })).createChallenge.id;
  const draftChallenge = await challenge('Osnutek');
  const open = await challenge('Odprt izziv');
  await as(owner, `mutation($id: ID!) { publishChallenge(id: $id) { id } }`, { id: open });
  const need = (await as(owner, `mutation($o: ID!) { createNeed(input: { ownerOrganisationId: $o, title: { sl: "Potreba" } }) { id } }`, { o: organisation })).createNeed.id;
  const profile = (await as(creative, `mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Ustvarjalka ${tag}", municipality: "kranj", domains: ["design-visual-arts"], techniques: ["blueprint"], materials: ["leather"] }) { id } }`)).createCreativeProfile.id;
  await as(creative, `mutation { setMatchingConsent(consent: true) { id } }`);
  const offer = (await as(creative, `mutation($p: ID!) { createOffer(input: { creativeProfileId: $p, kind: SERVICE, title: { sl: "Ponudba" }, description: { sl: "Opis" } }) { id } }`, { p: profile })).createOffer.id;
  const proposal = (await as(creative, `mutation($c: ID!) { createProposal(input: { challengeId: $c, title: { sl: "Predlog" }, body: { sl: "Besedilo" } }) { id } }`, { c: open })).createProposal.id;
  const question = (await as(creative, `mutation($c: ID!) { askChallengeQuestion(challengeId: $c, language: "sl", question: "Ali velja?") { id } }`, { c: open })).askChallengeQuestion.id;

  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 20 * 86_400_000));
  const at = (time: string) => new Date(`${day}T${time}:00+02:00`).toISOString();
  const eventInput = {
    title: { sl: 'Dogodek' }, venueName: 'Kovačnica', eventDate: day, hostOrganisationId: organisation, registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
    registrationClosesAt: at('08:00'), capacity: 100, requiresApproval: true, participationTypes: ['COMPANY', 'CREATIVE'],
    maxRequestsPerParticipant: 20, maxMeetingsPerSession: 3, sessions: [{ startsAt: at('09:00'), endsAt: at('11:00'), slotMinutes: 20, tables: 5 }],
  };
  const created = (await as(owner, `mutation($i: EventInput!) { createEvent(input: $i) { id slots { id } } }`, { i: eventInput })).createEvent;
  const event = created.id;
  const slot = (created.slots as { id: string }[])[0].id;
  await as(owner, `mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: event });
  const register = `mutation($e: ID!, $i: RegistrationInput!) { registerForEvent(eventId: $e, input: $i) { id } }`;
  const creativeParticipant = (await as(creative, register, { e: event, i: { creativeProfileId: profile, participationType: 'CREATIVE' } })).registerForEvent.id;
  const ownerParticipant = (await as(owner, register, { e: event, i: { organisationId: organisation, participationType: 'COMPANY' } })).registerForEvent.id;
  for (const p of [creativeParticipant, ownerParticipant]) await as(owner, `mutation($p: ID!) { decideRegistration(participantId: $p, approve: true) { id } }`, { p });
  const meetingRequest = (await as(owner, `mutation($e: ID!, $to: ID!) { sendMeetingRequest(eventId: $e, input: { toParticipantId: $to }) { id } }`, { e: event, to: creativeParticipant })).sendMeetingRequest.id;
  return {
    owner, creative,
    ids: { organisation, draftChallenge, challenge: open, need, event, slot, ownerParticipant, profile, offer, proposal, question, creativeParticipant, meetingRequest },
  };
}
