import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { canManageEvent, controlsParticipant, EventsService, EventStatus, RegistrationService } from '@app/events';
import type { EventParticipantEntity } from '@app/database';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Public, SignedIn } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import { IdArgs } from '../catalogue/catalogue.inputs.js';
import { DecideRegistrationArgs, EventInput, EventParticipantsArgs, EventIdArgs, EventUpdateInput, RegistrationInput, RegistrationUpdateInput } from './events.inputs.js';
import { toEvent, toParticipant, toSession, toSlot } from './events.mappers.js';
import { Event, EventParticipant, EventSession, EventSlot } from './events.types.js';

@ArgsType()
class EventsArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
}

/** Events and registration: organisers create and run events; creatives and organisations register. */
@Resolver(() => Event)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly registration: RegistrationService,
  ) {}

  @Public()
  @Query(() => [Event], { name: 'events', description: 'Published, closed and cancelled events (newest date first); drafts for their organisers.' })
  async listEvents(@Args() { first }: EventsArgs, @CurrentActor() actor: Actor): Promise<Event[]> {
    return (await this.events.list(actor, first ?? 20)).map(toEvent);
  }

  @Public()
  @Query(() => Event)
  async event(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Event> {
    return toEvent(await this.events.get(actor, id));
  }

  @Public()
  @ResolveField(() => [EventSession])
  async sessions(@Parent() event: Event): Promise<EventSession[]> {
    return (await this.events.structure(event.id)).sessions.map(toSession);
  }

  @Public()
  @ResolveField(() => [EventSlot], { description: 'Every meeting slot, in time order.' })
  async slots(@Parent() event: Event): Promise<EventSlot[]> {
    return (await this.events.structure(event.id)).slots.map(toSlot);
  }

  @SignedIn()
  @Mutation(() => Event, { description: 'A draft event with its sessions (organisers, or editors of the host organisation).' })
  async createEvent(@Args('input') input: EventInput, @CurrentActor() actor: Actor): Promise<Event> {
    return toEvent(await this.events.create(actor, { ...input, contactRules: input.contactRules ?? [], sessions: input.sessions.map(session) }));
  }

  @SignedIn()
  @Mutation(() => Event, { description: 'Change an event; sessions only while it is a draft, tables any time before it closes.' })
  async updateEvent(@Args('id', { type: () => ID }) id: string, @Args('input') input: EventUpdateInput, @CurrentActor() actor: Actor): Promise<Event> {
    const { sessions, ...rest } = input;
    return toEvent(await this.events.update(actor, id, { ...rest, ...(sessions ? { sessions: sessions.map(session) } : {}) }));
  }

  @SignedIn()
  @Mutation(() => Event, { description: 'Make the event public and open registration within its window.' })
  async publishEvent(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Event> {
    return toEvent(await this.events.publish(actor, id));
  }

  @SignedIn()
  @Mutation(() => Event, { description: 'The event is over: no more requests; feedback and outcomes are still recorded.' })
  async closeEvent(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Event> {
    return toEvent(await this.events.setStatus(actor, id, EventStatus.Closed));
  }

  @SignedIn()
  @Mutation(() => Event)
  async cancelEvent(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Event> {
    return toEvent(await this.events.setStatus(actor, id, EventStatus.Cancelled));
  }

  @SignedIn()
  @Query(() => [EventParticipant], { description: 'Organisers: every registration; approved participants: the other approved participants.' })
  async eventParticipants(@Args() { eventId, status }: EventParticipantsArgs, @CurrentActor() actor: Actor): Promise<EventParticipant[]> {
    const list = await this.registration.participants(actor, eventId, status);
    const event = await this.events.get(actor, eventId);
    return this.view(actor, list, canManageEvent(actor, event));
  }

  @SignedIn()
  @Query(() => [EventParticipant], { description: 'Your own participations in an event (as a creative, or for organisations you edit).' })
  async myEventParticipations(@Args() { eventId }: EventIdArgs, @CurrentActor() actor: Actor): Promise<EventParticipant[]> {
    return this.view(actor, await this.registration.mine(actor, eventId), false);
  }

  @SignedIn()
  @Mutation(() => EventParticipant, { description: 'Register your creative profile or an organisation you edit, with your availability and what you offer and seek.' })
  async registerForEvent(@Args('eventId', { type: () => ID }) eventId: string, @Args('input') input: RegistrationInput, @CurrentActor() actor: Actor): Promise<EventParticipant> {
    return (await this.view(actor, [await this.registration.register(actor, eventId, input)], false))[0];
  }

  @SignedIn()
  @Mutation(() => EventParticipant, { description: 'Change your availability (not away from slots holding your meetings) or what you offer and seek.' })
  async updateRegistration(@Args('participantId', { type: () => ID }) participantId: string, @Args('input') input: RegistrationUpdateInput, @CurrentActor() actor: Actor): Promise<EventParticipant> {
    return (await this.view(actor, [await this.registration.update(actor, participantId, input)], false))[0];
  }

  @SignedIn()
  @Mutation(() => EventParticipant, { description: 'Leave the event: your open and accepted requests are cancelled and the other sides are told.' })
  async withdrawFromEvent(@Args('participantId', { type: () => ID }) participantId: string, @CurrentActor() actor: Actor): Promise<EventParticipant> {
    return (await this.view(actor, [await this.registration.withdraw(actor, participantId)], false))[0];
  }

  @SignedIn()
  @Mutation(() => EventParticipant, { description: 'Organisers approve or decline a pending registration.' })
  async decideRegistration(@Args() { participantId, approve }: DecideRegistrationArgs, @CurrentActor() actor: Actor): Promise<EventParticipant> {
    return (await this.view(actor, [await this.registration.decide(actor, participantId, approve)], true))[0];
  }

  private async view(actor: Actor, list: readonly EventParticipantEntity[], manager: boolean): Promise<EventParticipant[]> {
    const names = await this.registration.names(list);
    return list.map((p) => toParticipant(p, names.get(p.id) ?? '', manager || controlsParticipant(actor, p)));
  }
}

function session(s: EventInput['sessions'][number]) {
  return { ...s, breaks: s.breaks ?? [], roomKind: s.roomKind ?? undefined };
}

/** Fields of a participant that only the organisers and the participant see. */
@Resolver(() => EventParticipant)
export class EventParticipantResolver {
  constructor(
    private readonly events: EventsService,
    private readonly registration: RegistrationService,
  ) {}

  @SignedIn()
  @ResolveField(() => [ID], { nullable: true, description: 'Slots the participant can meet in: the organisers and the participant only (null for others).' })
  async availableSlotIds(@Parent() participant: EventParticipant, @CurrentActor() actor: Actor): Promise<string[] | null> {
    const event = await this.events.get(actor, participant.eventId);
    const own = controlsParticipant(actor, { creativeProfileId: participant.creativeProfileId, organisationId: participant.organisationId });
    if (!own && !canManageEvent(actor, event)) return null;
    return (await this.registration.availability([participant.id])).get(participant.id) ?? [];
  }
}
