import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChallengeEntity, ChallengeQuestionEntity } from '@app/database';
import { type Actor, canEditFor, canReviewFor } from '@app/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { requireVerified } from '../common/access.js';
import { addToInbox, organisationMembers } from '../common/inbox.js';
import { clean, type LocalizedText } from '../common/localized.js';
import { MarketplaceException } from '../common/marketplace.errors.js';
import { isUuid } from '../common/pagination.js';
import { ChallengeStatus } from '../reference/index.js';
import { canSeeChallenge } from './challenges.service.js';

export const MAX_QUESTION_LENGTH = 2000;
export const MAX_ANSWER_LENGTH = 5000;
/** Unanswered questions one account may have open on one challenge (spam guard). */
export const MAX_OPEN_QUESTIONS = 5;

/** A question as one caller may see it: the asker is never shown, only whether it was the caller. */
export interface VisibleQuestion {
  question: ChallengeQuestionEntity;
  askedByMe: boolean;
}

/**
 * Public Q&A on a challenge: creatives ask while submissions are open; the owner answers, and the
 * answer is published to everyone who sees the challenge (the same information for all entrants).
 * Unanswered questions are seen only by the asker and the owner's members.
 */
@Injectable()
export class ChallengeQuestionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ask(actor: Actor, challengeId: string, language: 'sl' | 'en', text: string, now = new Date()): Promise<ChallengeQuestionEntity> {
    requireVerified(actor);
    const question = clean(text);
    if (!question) throw MarketplaceException.invalid('question', 'the question is empty');
    if (question.length > MAX_QUESTION_LENGTH) throw MarketplaceException.invalid('question', `a question has at most ${MAX_QUESTION_LENGTH} characters`);
    if (language !== 'sl' && language !== 'en') throw MarketplaceException.invalid('language', "language is 'sl' or 'en'");
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.visibleChallenge(manager, actor, challengeId, true);
      if (canReviewFor(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden('members of the owner organisation answer questions; they do not ask them');
      const open = challenge.status === ChallengeStatus.Published && (!challenge.deadline || challenge.deadline > now);
      if (!open) throw MarketplaceException.invalidState(`challenge ${challengeId} no longer takes questions (questions close with submissions)`);
      const repo = manager.getRepository(ChallengeQuestionEntity);
      const unanswered = await repo.createQueryBuilder('q').where('q.challenge_id = :c AND q.account_id = :a AND q.answered_at IS NULL', { c: challenge.id, a: actor.accountId }).getCount();
      if (unanswered >= MAX_OPEN_QUESTIONS) throw MarketplaceException.invalidState(`you have ${unanswered} unanswered questions on this challenge; wait for answers before asking more`);
      const saved = await repo.save(repo.create({ challengeId: challenge.id, accountId: actor.accountId, language, question, answerSl: null, answerEn: null, answeredAt: null }));
      // Every member hears (reviewers read the Q&A too); owners and editors answer.
      await addToInbox(manager, await organisationMembers(manager, challenge.ownerOrganisationId), {
        kind: 'challenge-question', subjectType: 'challenge', subjectId: challenge.id, idempotencyKey: `challenge-question:${saved.id}`,
      });
      return saved;
    });
  }

  /** Owners and editors answer (or correct an answer) until the decision; the answer is public. */
  answer(actor: Actor, questionId: string, answer: Partial<LocalizedText>, now = new Date()): Promise<ChallengeQuestionEntity> {
    const answerSl = clean(answer.sl);
    const answerEn = clean(answer.en);
    if (!answerSl && !answerEn) throw MarketplaceException.invalid('answer', 'the answer needs Slovenian or English text');
    if ((answerSl?.length ?? 0) > MAX_ANSWER_LENGTH || (answerEn?.length ?? 0) > MAX_ANSWER_LENGTH) throw MarketplaceException.invalid('answer', `an answer has at most ${MAX_ANSWER_LENGTH} characters per language`);
    return this.dataSource.transaction(async (manager) => {
      const { question, challenge } = await this.lockQuestion(manager, actor, questionId);
      if (!canEditFor(actor, challenge.ownerOrganisationId)) throw MarketplaceException.forbidden('only owners and editors of the organisation answer questions');
      if (!ANSWERABLE.includes(challenge.status as ChallengeStatus)) throw MarketplaceException.invalidState(`challenge ${challenge.id} is ${challenge.status.toLowerCase().replace(/_/g, ' ')}; its Q&A is closed`);
      Object.assign(question, { answerSl, answerEn, answeredAt: question.answeredAt ?? now });
      const saved = await manager.getRepository(ChallengeQuestionEntity).save(question);
      if (question.accountId) {
        await addToInbox(manager, [question.accountId], { kind: 'challenge-question-answered', subjectType: 'challenge', subjectId: challenge.id, idempotencyKey: `challenge-question-answered:${question.id}` });
      }
      return saved;
    });
  }

  /** The asker takes back an unanswered question; owners and editors remove any (spam, personal data). */
  remove(actor: Actor, questionId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { question, challenge } = await this.lockQuestion(manager, actor, questionId);
      const mine = question.accountId !== null && question.accountId === actor.accountId;
      if (!canEditFor(actor, challenge.ownerOrganisationId) && !(mine && question.answeredAt === null)) {
        throw MarketplaceException.forbidden(mine ? 'an answered question stays; ask the organisation to remove it' : 'only the asker or the organisation removes a question');
      }
      await manager.getRepository(ChallengeQuestionEntity).delete({ id: question.id });
      return true;
    });
  }

  /** Questions of many challenges at once (one statement), for a loader; filter with `visibleTo`. */
  async ofChallenges(challengeIds: readonly string[]): Promise<ChallengeQuestionEntity[]> {
    if (challengeIds.length === 0) return [];
    return this.dataSource.getRepository(ChallengeQuestionEntity).createQueryBuilder('q')
      .where('q.challenge_id IN (:...ids)', { ids: challengeIds })
      .orderBy('q.created_at', 'ASC').addOrderBy('q.id', 'ASC').getMany();
  }

  /** Answered questions for everyone who sees the challenge; unanswered ones for the asker and the owner's members. */
  visibleTo(actor: Actor, challenge: ChallengeEntity, questions: readonly ChallengeQuestionEntity[]): VisibleQuestion[] {
    if (!canSeeChallenge(actor, challenge)) return [];
    const member = canReviewFor(actor, challenge.ownerOrganisationId);
    return questions
      .map((question) => ({ question, askedByMe: question.accountId !== null && question.accountId === actor.accountId }))
      .filter((q) => q.question.answeredAt !== null || member || q.askedByMe);
  }

  private async visibleChallenge(manager: EntityManager, actor: Actor, challengeId: string, lock: boolean): Promise<ChallengeEntity> {
    const challenge = isUuid(challengeId)
      ? await manager.getRepository(ChallengeEntity).findOne({ where: { id: challengeId }, lock: lock ? { mode: 'pessimistic_write' } : undefined })
      : null;
    if (!challenge || !canSeeChallenge(actor, challenge)) throw MarketplaceException.notFound('Challenge', challengeId);
    return challenge;
  }

  /** The question and its challenge; a question the caller may not see does not exist for them. */
  private async lockQuestion(manager: EntityManager, actor: Actor, questionId: string): Promise<{ question: ChallengeQuestionEntity; challenge: ChallengeEntity }> {
    const question = isUuid(questionId) ? await manager.getRepository(ChallengeQuestionEntity).findOne({ where: { id: questionId }, lock: { mode: 'pessimistic_write' } }) : null;
    const challenge = question ? await manager.getRepository(ChallengeEntity).findOneBy({ id: question.challengeId }) : null;
    if (!question || !challenge) throw MarketplaceException.notFound('Question', questionId);
    const visible = this.visibleTo(actor, challenge, [question]).length > 0;
    if (!visible) throw MarketplaceException.notFound('Question', questionId);
    return { question, challenge };
  }
}

const ANSWERABLE: readonly ChallengeStatus[] = [ChallengeStatus.Published, ChallengeStatus.SubmissionsClosed, ChallengeStatus.InReview];
