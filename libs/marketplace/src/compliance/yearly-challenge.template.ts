import type { ChallengeCommand } from '../challenges/challenges.service.js';
import { REGION_GORENJSKA } from '../common/taxonomy.js';
import { ChallengeKind, ChallengeVisibility } from '../reference/index.js';

/**
 * The bilingual starting point of a municipality's yearly public-service challenge: a DRAFT the
 * municipality completes in the challenge editor (what to improve, reward, deadline) and then
 * publishes. Square-bracketed parts are for the municipality to replace.
 */
export function yearlyChallengeTemplate(organisation: { id: string; name: string }, year: number): ChallengeCommand {
  return {
    ownerOrganisationId: organisation.id,
    kind: ChallengeKind.PublicService,
    visibility: ChallengeVisibility.Public,
    title: {
      sl: `Javni izziv ${year}: ${organisation.name}`,
      en: `Public-service challenge ${year}: ${organisation.name}`,
    },
    brief: {
      sl: [
        `${organisation.name} vabi ustvarjalke in ustvarjalce z Gorenjske, da predlagajo, kako izboljšati eno od naših javnih storitev ali javnih prostorov v letu ${year}.`,
        '',
        'Kaj želimo izboljšati: [opišite storitev ali prostor, komu je namenjen in kaj danes ne deluje dobro].',
        'Kaj pričakujemo: [npr. zasnovo, prototip ali izvedbo; obseg in rezultate].',
        'Kdo lahko sodeluje: posamezniki, skupine in podjetja s sedežem na Gorenjskem.',
        'Kako bomo izbirali: [merila in njihove uteži].',
      ].join('\n'),
      en: [
        `${organisation.name} invites creatives from Gorenjska to propose how to improve one of our public services or public spaces in ${year}.`,
        '',
        'What we want to improve: [describe the service or space, who it is for and what does not work well today].',
        'What we expect: [e.g. a concept, a prototype or the finished work; scope and deliverables].',
        'Who may take part: individuals, groups and companies based in Gorenjska.',
        'How we will choose: [the criteria and their weights].',
      ].join('\n'),
    },
    eligibility: { municipalities: [REGION_GORENJSKA] },
    workingLanguages: ['sl'],
  };
}
