import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A running transaction, as services see it: a handle they pass on to repository methods
 * (`repo.save(x, tx)`), never use themselves. It is TypeORM's EntityManager, but only
 * repositories may call it.
 */
export type Tx = EntityManager;

/**
 * Runs work in one transaction. Every statement of the work must go through the `tx` it
 * receives: on the embedded database all connections share one PostgreSQL session, so a
 * query on another connection waits for the transaction to end while the transaction
 * waits for it, and the process hangs (PostgreSQL itself would merely see another session).
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
