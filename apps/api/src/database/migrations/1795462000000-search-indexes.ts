import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for post search (modules/search, whose repository explains the queries). Search lists
 * 'open' and 'filled' posts (full ones below the open ones), so the geo index of the marketplace
 * migration, on 'open' posts only, gives way to one on both. A query with `status = 'open'` can
 * still use it: PostgreSQL proves `status = 'open'` implies `status IN ('open', 'filled')`.
 *
 * - posts_search_geo_idx: nearest posts, no type filter.
 * - posts_search_type_geo_idx: nearest posts of one type. A multicolumn GiST (btree_gist for text
 *   and numeric) splits on type first, then on the point, so a type filter prunes whole subtrees
 *   instead of walking past other types' posts in distance order. hourly_max comes last: it does
 *   not shape the tree, but the pay filter is checked on index entries (no table visit for posts
 *   that pay too little), and subtrees whose best pay is below it are skipped.
 * - posts_search_anywhere_geo_idx: the same over remote and take-home posts only (about 15 %),
 *   for "no distance limit" searches: asking for those kinds never walks past the other 85 %.
 * - posts_search_unlocated_*: remote and take-home posts with no place, newest first, all or of
 *   one type.
 * Measured at 1M posts in docs/BENCHMARKS.md.
 */
export class SearchIndexes1795462000000 implements MigrationInterface {
  name = 'SearchIndexes1795462000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS posts_open_geo_idx`);
    await q.query(`
      CREATE INDEX posts_search_geo_idx ON posts USING gist (ll_to_earth(lat, lng))
       WHERE status IN ('open', 'filled') AND lat IS NOT NULL
    `);
    await q.query(`
      CREATE INDEX posts_search_type_geo_idx ON posts USING gist (type, ll_to_earth(lat, lng), hourly_max)
       WHERE status IN ('open', 'filled') AND lat IS NOT NULL
    `);
    await q.query(`
      CREATE INDEX posts_search_anywhere_geo_idx ON posts USING gist (type, ll_to_earth(lat, lng), hourly_max)
       WHERE status IN ('open', 'filled') AND lat IS NOT NULL AND (remote OR take_home)
    `);
    await q.query(`
      CREATE INDEX posts_search_unlocated_idx ON posts (created_at DESC)
       WHERE status IN ('open', 'filled') AND lat IS NULL AND (remote OR take_home)
    `);
    await q.query(`
      CREATE INDEX posts_search_unlocated_type_idx ON posts (type, created_at DESC)
       WHERE status IN ('open', 'filled') AND lat IS NULL AND (remote OR take_home)
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS posts_search_unlocated_type_idx`);
    await q.query(`DROP INDEX IF EXISTS posts_search_unlocated_idx`);
    await q.query(`DROP INDEX IF EXISTS posts_search_anywhere_geo_idx`);
    await q.query(`DROP INDEX IF EXISTS posts_search_type_geo_idx`);
    await q.query(`DROP INDEX IF EXISTS posts_search_geo_idx`);
    await q.query(`CREATE INDEX posts_open_geo_idx ON posts USING gist (ll_to_earth(lat, lng)) WHERE status = 'open' AND lat IS NOT NULL`);
  }
}
