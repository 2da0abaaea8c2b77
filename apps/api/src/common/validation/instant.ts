import { IS_ISO8601, isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;

/** Whether `value` is an ISO-8601 calendar date or date-time that JavaScript's Date can read. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true }) && Number.isFinite(Date.parse(value));
}

/**
 * An instant (`2026-12-05T19:00:00+08:00`). Replaces `@IsISO8601({ strict: true })`, which also
 * accepts week and ordinal dates (`2026-W48`, `2026-330`) that `new Date()` cannot read: an
 * Invalid Date reached the services (a 500). Reports the rule as `isIso8601`, as before.
 */
export function IsInstant(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_ISO8601,
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: () => '时间格式不正确',
      },
    },
    validationOptions,
  );
}
