import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { loggerOptions } from './logger-options';

describe('loggerOptions', () => {
  it('keeps authorization headers, phone numbers and identity numbers out of the logs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { ...loggerOptions('info'), stream } });
    app.log.info({ req: { headers: { authorization: 'Bearer abc.def' } }, mother: { phone: '13800000000', idNumber: '370102199001011234' } }, 'x');
    app.log.info({ phone: '13900000000', profile: { children: { idNumber: '370102201801011234' } } }, 'y');
    await app.close();

    const output = lines.join('');
    expect(output).toContain('[REDACTED]');
    for (const secret of ['abc.def', '13800000000', '13900000000', '370102199001011234', '370102201801011234']) {
      expect(output).not.toContain(secret);
    }
  });
});
