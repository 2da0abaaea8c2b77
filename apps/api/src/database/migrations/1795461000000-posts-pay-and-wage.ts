import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posts of her own start-up (pay basis `own_income`) have no hourly equivalent: the columns
 * become nullable, and a check keeps them null exactly for that basis. `minimum_wage_source`
 * records which minimum-wage figure a post's pay was checked against when it was published
 * (NULL: no figure was known for its region, or the pay is no wage), so a later audit can tell
 * a checked post from an unchecked one.
 */
export class PostsPayAndWage1795461000000 implements MigrationInterface {
  name = 'PostsPayAndWage1795461000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts ALTER COLUMN hourly_min DROP NOT NULL, ALTER COLUMN hourly_max DROP NOT NULL`);
    await q.query(`
      ALTER TABLE posts ADD CONSTRAINT posts_hourly_known CHECK (
        (hourly_min IS NULL) = (pay_basis = 'own_income') AND (hourly_min IS NULL) = (hourly_max IS NULL)
      )
    `);
    await q.query(`ALTER TABLE posts ADD COLUMN minimum_wage_source text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts DROP COLUMN minimum_wage_source`);
    await q.query(`ALTER TABLE posts DROP CONSTRAINT posts_hourly_known`);
    await q.query(`UPDATE posts SET hourly_min = 0, hourly_max = 0 WHERE hourly_min IS NULL`);
    await q.query(`ALTER TABLE posts ALTER COLUMN hourly_min SET NOT NULL, ALTER COLUMN hourly_max SET NOT NULL`);
  }
}
