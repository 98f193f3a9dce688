import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type OutboxEventInput, OutboxStore, OutboxTopic, SearchableType } from '@app/jobs';
import type { DataSource, EntityManager } from 'typeorm';

export interface SearchTouch {
  type: SearchableType;
  id: string;
}

/**
 * Runs a write in one transaction together with the outbox events announcing it, so a committed
 * change always reaches the search index and the notification jobs, even if the queue or the
 * engine is down at the time.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxStore,
  ) {}

  async run<T>(work: (manager: EntityManager, touch: (type: SearchableType, id: string) => void, announce: (event: OutboxEventInput) => void) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const touched: SearchTouch[] = [];
      const announced: OutboxEventInput[] = [];
      const result = await work(manager, (type, id) => touched.push({ type, id }), (event) => announced.push(event));
      await this.outbox.record(manager, [
        ...touched.map((t) => ({ topic: OutboxTopic.SearchSync, aggregateType: t.type, aggregateId: t.id })),
        ...announced,
      ]);
      return result;
    });
  }
}
