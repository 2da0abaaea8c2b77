import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { DELETED_NAME } from './anonymised';

type Row = Record<string, unknown>;


export interface AccountRow {
  id: string;
  displayName: string;
  phoneCipher: string | null;
  phoneMasked: string | null;
  createdAt: Date;
  roles: string[];
}

export interface MotherRow extends Row {
  id: string;
  phoneCipher: string | null;
  regionCode: string;
}

export interface PendingApplication {
  id: string;
  employerId: string;
  postId: string;
  postTitle: string;
}

export interface PendingClaim {
  id: string;
  employerId: string;
  subsidyCode: string;
  /** Her own claim (flexible employment): the employer never saw it, so is not told. */
  byMother: boolean;
}

export interface ErasureResult {
  /** The mother row was kept (anonymised) because records a law requires point to it. */
  motherKept: boolean;
  deleted: Record<string, number>;
  anonymised: Record<string, number>;
}

/**
 * The only code that reads a mother's data across every feature's tables (for her export) and
 * erases it (account deletion). Each table is named here on purpose: a new table holding
 * personal data must be added to both `motherData` and `eraseMother` (docs/PRIVACY.md).
 */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async account(userId: string, tx?: Tx): Promise<AccountRow | null> {
    const rows: Row[] = await this.q(tx).query(
      `SELECT u.id, u.display_name, u.phone_cipher, u.phone_masked, u.created_at,
              COALESCE((SELECT array_agg(DISTINCT r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles
         FROM users u WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      displayName: r.display_name as string,
      phoneCipher: (r.phone_cipher as string | null) ?? null,
      phoneMasked: (r.phone_masked as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
      roles: (r.roles as string[]) ?? [],
    };
  }

  async motherOfUser(userId: string, tx?: Tx, lock = false): Promise<MotherRow | null> {
    const rows: MotherRow[] = await this.q(tx).query(
      `SELECT m.id, m.name, m.phone_cipher AS "phoneCipher", m.phone_masked AS "phoneMasked", m.id_masked AS "idMasked",
              m.birth_date::text AS "birthDate", m.region_code AS "regionCode", rg.name AS "regionName",
              m.home_lat AS "homeLat", m.home_lng AS "homeLng", m.school_lat AS "schoolLat", m.school_lng AS "schoolLng",
              m.available_windows AS "availableWindows", m.desired_hourly::float8 AS "desiredHourly", m.wanted_types AS "wantedTypes",
              m.wanted_modes AS "wantedModes", m.skills, m.training_needs AS "trainingNeeds",
              m.registered_unemployed_since::text AS "registeredUnemployedSince", m.employment_difficulty AS "employmentDifficulty",
              m.older_in_difficulty AS "olderInDifficulty", m.out_of_poverty AS "outOfPoverty", s.name AS "stationName",
              m.registered_at AS "registeredAt", m.consent_version AS "consentVersion", m.consent_at AS "consentAt",
              m.hired_at AS "hiredAt", m.created_at AS "createdAt", m.updated_at AS "updatedAt"
         FROM mothers m JOIN regions rg ON rg.code = m.region_code LEFT JOIN stations s ON s.id = m.station_id
        WHERE m.user_id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Everything held about one mother, table by table, in readable columns (her export). */
  async motherData(motherId: string, userId: string): Promise<Record<string, Row[]>> {
    const q = (sql: string, params: unknown[] = [motherId]) => this.dataSource.query(sql, params) as Promise<Row[]>;
    // Run together: each is a short indexed read of her rows.
    const tables = {
      children: q(`SELECT birth_year AS "birthYear", birth_month AS "birthMonth" FROM children WHERE mother_id = $1 ORDER BY birth_year, birth_month`),
      applications: q(`SELECT a.id, p.title AS "postTitle", e.name AS "employerName", a.status, a.source, a.reject_reason AS "rejectReason",
                a.created_at AS "createdAt", a.decided_at AS "decidedAt"
           FROM applications a JOIN posts p ON p.id = a.post_id JOIN employers e ON e.id = a.employer_id
          WHERE a.mother_id = $1 ORDER BY a.created_at DESC`),
      hires: q(`SELECT h.id, p.title AS "postTitle", e.name AS "employerName", h.start_date::text AS "startDate", h.contract_form AS "contractForm",
                h.contract_months AS "contractMonths", h.social_insurance AS "socialInsurance", h.created_at AS "reportedAt",
                he.ended_on::text AS "endedOn", he.reason AS "endReason"
           FROM hires h JOIN posts p ON p.id = h.post_id JOIN employers e ON e.id = h.employer_id LEFT JOIN hire_endings he ON he.hire_id = h.id
          WHERE h.mother_id = $1 ORDER BY h.created_at DESC`),
      followUpPlan: q(`SELECT s.name AS "stationName", f.registered_on::text AS "registeredOn", f.deadline::text AS deadline, f.hired_on::text AS "hiredOn",
                f.hire_source AS "hireSource", f.hire_employer_name AS "hireEmployerName", f.continue_recommendations AS "continueRecommendations"
           FROM follow_up_plans f JOIN stations s ON s.id = f.station_id WHERE f.mother_id = $1`),
      followUpItems: q(`SELECT kind, seq, due_on::text AS "dueOn", served_on::text AS "servedOn", stopped_on::text AS "stoppedOn"
           FROM follow_up_items WHERE mother_id = $1 ORDER BY due_on, kind, seq`),
      followUpServices: q(`SELECT kind, served_at AS "servedAt", channel, content, outcome, details FROM follow_up_services WHERE mother_id = $1 ORDER BY served_at`),
      trainingSignups: q(`SELECT c.title AS "courseTitle", c.provider_name AS "providerName", cs.status, cs.signed_up_at AS "signedUpAt", cs.cancelled_at AS "cancelledAt"
           FROM course_signups cs JOIN courses c ON c.id = cs.course_id WHERE cs.mother_id = $1 ORDER BY cs.signed_up_at DESC`),
      trainingAttendance: q(`SELECT c.title AS "courseTitle", s.seq AS "sessionSeq", s.starts_at AS "startsAt", a.present
           FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id JOIN courses c ON c.id = a.course_id
          WHERE a.mother_id = $1 ORDER BY s.starts_at`),
      fairSignups: q(`SELECT f.title AS "fairTitle", f.fair_date::text AS "fairDate", fs.status, fs.walk_in AS "walkIn", fs.signed_up_at AS "signedUpAt",
                fs.checked_in_at AS "checkedInAt"
           FROM fair_signups fs JOIN fairs f ON f.id = fs.fair_id WHERE fs.mother_id = $1 ORDER BY fs.signed_up_at DESC`),
      resume: q(`SELECT content, created_at AS "createdAt", updated_at AS "updatedAt" FROM resumes WHERE mother_id = $1`),
      resumeSuggestions: q(`SELECT source, status, note, suggested, created_at AS "createdAt", decided_at AS "decidedAt"
           FROM resume_suggestions WHERE mother_id = $1 ORDER BY created_at DESC`),
      notifications: q(
        `SELECT kind, title, body, status, created_at AS "createdAt", sent_at AS "sentAt" FROM notifications
          WHERE (recipient_kind = 'mother' AND recipient_id = $1) OR (recipient_kind = 'user' AND recipient_id = $2)
          ORDER BY created_at DESC`,
        [motherId, userId],
      ),
      consents: q(`SELECT c.purpose, c.notice_version AS "noticeVersion", c.given_at AS "givenAt", c.via, s.name AS "stationName"
           FROM consents c LEFT JOIN stations s ON s.id = c.station_id WHERE c.mother_id = $1 ORDER BY c.given_at DESC`),
      surveyAnswers: q(`SELECT version, answers, answered_at AS "answeredAt" FROM survey_answers WHERE mother_id = $1 ORDER BY answered_at DESC`),
      sharingConsents: q(`SELECT sc.status, sc.original_terms AS "originalTerms", sc.shared_terms AS "sharedTerms", fe.name AS "fromEmployer", te.name AS "toEmployer",
                sp.from_date::text AS "fromDate", sp.to_date::text AS "toDate", sc.created_at AS "createdAt", sc.decided_at AS "decidedAt"
           FROM sharing_consents sc JOIN sharing_proposals sp ON sp.id = sc.proposal_id
           JOIN employers fe ON fe.id = sp.from_employer_id JOIN employers te ON te.id = sp.to_employer_id
          WHERE sc.mother_id = $1 ORDER BY sc.created_at DESC`),
      sharingAgreements: q(`SELECT agreement_text AS text, from_date::text AS "fromDate", to_date::text AS "toDate", created_at AS "createdAt"
           FROM sharing_agreements WHERE mother_id = $1 ORDER BY created_at DESC`),
      rightsCases: q(`SELECT rc.kind, rc.category, rc.text, rc.status, e.name AS "employerName", rc.created_at AS "createdAt", rc.resolved_at AS "resolvedAt",
                COALESCE((SELECT json_agg(json_build_object('status', n.status, 'note', n.note, 'at', n.created_at) ORDER BY n.created_at)
                            FROM rights_case_notes n WHERE n.case_id = rc.id), '[]') AS notes
           FROM rights_cases rc LEFT JOIN employers e ON e.id = rc.employer_id WHERE rc.mother_id = $1 ORDER BY rc.created_at DESC`),
      promiseChecks: q(`SELECT e.name AS "employerName", pc.due_on::text AS "dueOn", pc.answers, pc.broken, pc.comment, pc.answered_at AS "answeredAt"
           FROM promise_checks pc JOIN employers e ON e.id = pc.employer_id WHERE pc.mother_id = $1 ORDER BY pc.asked_at DESC`),
      subsidyClaims: q(`SELECT e.name AS "employerName", sc.subsidy_code AS "subsidyCode", sc.status, sc.period_from::text AS "periodFrom",
                sc.period_to::text AS "periodTo", sc.amount::float8 AS amount, sc.decided_at AS "decidedAt"
           FROM subsidy_claims sc JOIN employers e ON e.id = sc.employer_id WHERE sc.mother_id = $1 ORDER BY sc.created_at DESC`),
    };
    const entries = await Promise.all(Object.entries(tables).map(async ([name, rows]) => [name, await rows] as const));
    return Object.fromEntries(entries);
  }

  /** Notifications of an account that has no mother profile. */
  userNotifications(userId: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT kind, title, body, status, created_at AS "createdAt", sent_at AS "sentAt" FROM notifications
        WHERE recipient_kind = 'user' AND recipient_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
  }

  async pendingApplications(motherId: string, tx: Tx): Promise<PendingApplication[]> {
    const rows: Row[] = await tx.query(
      `SELECT a.id, a.employer_id, a.post_id, p.title FROM applications a JOIN posts p ON p.id = a.post_id
        WHERE a.mother_id = $1 AND a.status IN ('submitted', 'accepted') ORDER BY a.created_at FOR UPDATE OF a`,
      [motherId],
    );
    return rows.map((r) => ({ id: r.id as string, employerId: r.employer_id as string, postId: r.post_id as string, postTitle: r.title as string }));
  }

  async undecidedClaims(motherId: string, tx: Tx): Promise<PendingClaim[]> {
    const rows: Row[] = await tx.query(
      `SELECT id, employer_id, subsidy_code, source FROM subsidy_claims WHERE mother_id = $1 AND status IN ('proposed', 'submitted') FOR UPDATE`,
      [motherId],
    );
    return rows.map((r) => ({ id: r.id as string, employerId: r.employer_id as string, subsidyCode: r.subsidy_code as string, byMother: r.source === 'mother' }));
  }

  /**
   * Erases a mother's personal data in the caller's transaction (docs/PRIVACY.md lists each
   * table). Kept, because a law requires them: hires (with their applications and endings, and
   * sharing consents and agreements that rest on them), decided subsidy claims with their
   * decisions and the attendance behind a decided training claim, and the 12333 plan, items and
   * service records. They then point to a mother row with every personal field cleared, or, when
   * nothing is kept, the mother row is deleted.
   */
  async eraseMother(motherId: string, today: string, now: Date, tx: Tx): Promise<ErasureResult> {
    const deleted: Record<string, number> = {};
    const anonymised: Record<string, number> = {};
    const run = async (sql: string, params: unknown[] = [motherId]): Promise<number> => {
      const rows: Row[] = await tx.query(`WITH x AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM x`, params);
      return Number(rows[0]?.n ?? 0);
    };

    // Applications that did not become a hire; pending ones were withdrawn by the caller first.
    deleted.applications = await run(`DELETE FROM applications a WHERE a.mother_id = $1 AND NOT EXISTS (SELECT 1 FROM hires h WHERE h.application_id = a.id)`);

    // Training: an active sign-up gives its seat back.
    await tx.query(
      `UPDATE courses c SET seats_taken = c.seats_taken - x.n
         FROM (SELECT course_id, count(*)::int AS n FROM course_signups WHERE mother_id = $1 AND status = 'active' GROUP BY course_id) x
        WHERE c.id = x.course_id`,
      [motherId],
    );
    deleted.course_signups = await run(`DELETE FROM course_signups WHERE mother_id = $1`);
    deleted.course_attendance = await run(
      `DELETE FROM course_attendance WHERE mother_id = $1 AND course_id NOT IN (
         SELECT course_id FROM subsidy_claims WHERE mother_id = $1 AND status IN ('approved', 'rejected') AND course_id IS NOT NULL)`,
    );

    // Fairs: a sign-up holding a seat gives it back.
    await tx.query(
      `UPDATE fairs f SET seats_taken = f.seats_taken - x.n
         FROM (SELECT fair_id, count(*)::int AS n FROM fair_signups WHERE mother_id = $1 AND holds_seat GROUP BY fair_id) x
        WHERE f.id = x.fair_id`,
      [motherId],
    );
    deleted.fair_signups = await run(`DELETE FROM fair_signups WHERE mother_id = $1`);

    deleted.resume_suggestions = await run(`DELETE FROM resume_suggestions WHERE mother_id = $1`);
    deleted.resumes = await run(`DELETE FROM resumes WHERE mother_id = $1`);
    deleted.survey_answers = await run(`DELETE FROM survey_answers WHERE mother_id = $1`);
    deleted.consents = await run(`DELETE FROM consents WHERE mother_id = $1`);
    deleted.children = await run(`DELETE FROM children WHERE mother_id = $1`);
    deleted.rights_case_notes = await run(`DELETE FROM rights_case_notes WHERE case_id IN (SELECT id FROM rights_cases WHERE mother_id = $1)`);
    deleted.rights_cases = await run(`DELETE FROM rights_cases WHERE mother_id = $1`);
    deleted.promise_checks = await run(`DELETE FROM promise_checks WHERE mother_id = $1`);
    // Sharing: only a consent she gave (with its agreement) is kept, as part of her employment record.
    deleted.sharing_consents = await run(
      `DELETE FROM sharing_consents sc WHERE sc.mother_id = $1 AND NOT EXISTS (SELECT 1 FROM sharing_agreements g WHERE g.consent_id = sc.id)`,
    );
    // Subsidy claims nobody has decided yet cannot be verified without her identity: withdrawn.
    deleted.claim_decisions = await run(
      `DELETE FROM claim_decisions WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE mother_id = $1 AND status IN ('proposed', 'submitted'))`,
    );
    deleted.subsidy_claims = await run(`DELETE FROM subsidy_claims WHERE mother_id = $1 AND status IN ('proposed', 'submitted')`);
    deleted.notifications = await run(`DELETE FROM notifications WHERE recipient_kind = 'mother' AND recipient_id = $1`);

    // The 12333 record stays for audit, but nothing more is owed to her.
    anonymised.follow_up_items = await run(
      `UPDATE follow_up_items SET stopped_on = $2::date WHERE mother_id = $1 AND served_on IS NULL AND stopped_on IS NULL`,
      [motherId, today],
    );

    const [kept] = (await tx.query(
      `SELECT EXISTS (SELECT 1 FROM hires WHERE mother_id = $1)
           OR EXISTS (SELECT 1 FROM subsidy_claims WHERE mother_id = $1)
           OR EXISTS (SELECT 1 FROM follow_up_plans WHERE mother_id = $1)
           OR EXISTS (SELECT 1 FROM course_attendance WHERE mother_id = $1)
           OR EXISTS (SELECT 1 FROM sharing_consents WHERE mother_id = $1) AS kept`,
      [motherId],
    )) as { kept: boolean }[];
    const motherKept = Boolean(kept?.kept);
    if (motherKept) {
      anonymised.mothers = await run(
        `UPDATE mothers SET name = $2, user_id = NULL, phone_hash = NULL, phone_cipher = NULL, phone_masked = NULL,
                id_hash = NULL, id_cipher = NULL, id_masked = NULL, birth_date = NULL,
                home_lat = NULL, home_lng = NULL, school_lat = NULL, school_lng = NULL, available_windows = '[]',
                desired_hourly = NULL, wanted_types = '{}', wanted_modes = '{}', skills = '{}', training_needs = '{}',
                registered_unemployed_since = NULL, employment_difficulty = false, older_in_difficulty = false, out_of_poverty = false,
                consent_version = NULL, consent_at = NULL, consent_recorded_by = NULL, deleted_at = $3, updated_at = $3
          WHERE id = $1`,
        [motherId, DELETED_NAME, now],
      );
    } else {
      deleted.mothers = await run(`DELETE FROM mothers WHERE id = $1`);
    }
    return { motherKept, deleted, anonymised };
  }

  /** Closes the account: roles and codes deleted, the user row emptied (records written by her point to it). */
  async eraseUser(userId: string, now: Date, tx: Tx): Promise<void> {
    await tx.query(`DELETE FROM notifications WHERE recipient_kind = 'user' AND recipient_id = $1`, [userId]);
    await tx.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM phone_codes WHERE user_id = $1`, [userId]);
    await tx.query(
      `UPDATE users SET openid = NULL, phone_hash = NULL, phone_cipher = NULL, phone_masked = NULL, display_name = $2, demo_key = NULL,
              deleted_at = $3, updated_at = $3
        WHERE id = $1`,
      [userId, DELETED_NAME, now],
    );
  }

  async lockUser(userId: string, tx: Tx): Promise<boolean> {
    const rows: Row[] = await tx.query(`SELECT id FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [userId]);
    return rows.length > 0;
  }

  /** A mother's region, to check an official's scope (also after she was anonymised). */
  async motherRegion(motherId: string): Promise<string | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT region_code FROM mothers WHERE id = $1`, [motherId]);
    return (rows[0]?.region_code as string | undefined) ?? null;
  }

  private q(tx?: Tx) {
    return tx ?? this.dataSource.manager;
  }
}
