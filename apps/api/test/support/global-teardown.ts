import { rmSync } from 'node:fs';
import { TEMPLATE_ENV } from './test-database';

export default function globalTeardown(): void {
  const file = process.env[TEMPLATE_ENV];
  if (file !== undefined) rmSync(file, { force: true });
}
