import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { loggableUrl, loggerOptions } from './logger-options';

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

  it('never logs where a search was made from', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { ...loggerOptions('info'), stream } });
    app.get('/api/posts/search', async () => ({ items: [] }));
    app.get('/api/stations', async () => []);
    await app.inject({ method: 'GET', url: '/api/posts/search?lat=37.51234&lng=122.12345&type=handicraft' });
    await app.inject({ method: 'GET', url: '/api/stations?regionCode=371002&lat=36.65432&lng=117.01234' });
    await app.close();

    const output = lines.join('');
    expect(output).toContain('incoming request');
    expect(output).toContain('/api/posts/search?[REDACTED]');
    expect(output).toContain('regionCode=371002');
    for (const secret of ['37.51234', '122.12345', '36.65432', '117.01234']) expect(output).not.toContain(secret);
  });

  it.each([
    ['/api/posts/search?lat=1&lng=2', '/api/posts/search?[REDACTED]'],
    ['/api/posts/search/?from=home', '/api/posts/search/?[REDACTED]'],
    ['/api/posts/search', '/api/posts/search'],
    ['/api/x?latitude=1&q=a&Lng=2', '/api/x?latitude=[REDACTED]&q=a&Lng=[REDACTED]'],
    ['/api/posts?page=2', '/api/posts?page=2'],
  ])('loggableUrl(%s) → %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});
