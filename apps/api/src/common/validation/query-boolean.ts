/**
 * `@Transform(queryBoolean)`: a query string carries `true` / `false` as text; anything else is
 * left as it came, so `@IsBoolean` refuses it with the field's own message.
 */
export const queryBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
