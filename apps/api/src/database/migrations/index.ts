import type { MigrationInterface } from 'typeorm';
import { Init1795456800000 } from './1795456800000-init';
import { Marketplace1795460000000 } from './1795460000000-marketplace';

/**
 * Every migration, oldest first. Listed by hand rather than found by a glob: a glob would
 * have to match .ts under Jest (ESM) and .js in the compiled build, and would silently
 * pick up stray files.
 *
 * To add one: create `<Date.now()>-<what>.ts` exporting `class <What><timestamp>` with
 * `name`, `up` and `down`, then append the class here.
 */
export const MIGRATIONS: ReadonlyArray<new () => MigrationInterface> = [Init1795456800000, Marketplace1795460000000];
