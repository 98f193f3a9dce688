import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a row written in the same transaction as the change it announces.
 * The worker's relay turns unprocessed rows into jobs; the job marks them processed.
 */
@Entity({ name: 'outbox_event' })
export class OutboxEventEntity {
  /** bigint: a string in JavaScript. Monotonic per commit order within one writer. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ name: 'aggregate_type', type: 'text' }) aggregateType: string;
  @Column({ name: 'aggregate_id', type: 'uuid' }) aggregateId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ name: 'dispatch_count', type: 'int', default: 0 }) dispatchCount: number;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
}
