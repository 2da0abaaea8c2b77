import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';
import { CommonException } from '../src/common/errors';
import { Public } from '../src/modules/auth/access.decorators';
import { createTestApp, type TestApp } from './support/test-app';

// A test-only controller: the real pipe, filter and parser limits, with inputs we control.
class EchoDto {
  @IsString()
  @IsNotEmpty({ message: '请填写姓名' })
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  age?: number;
}

@Public()
@Controller('__test')
class ProbeController {
  @Post('echo')
  echo(@Body() body: EchoDto): { name: string; age: number | null; isDto: boolean } {
    return { name: body.name, age: body.age ?? null, isDto: body instanceof EchoDto };
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internals: password=hunter2');
  }

  @Get('conflict')
  conflict(): never {
    throw new CommonException('CONFLICT', '该岗位已下架');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the HTTP application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /health answers ok when the database does', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves concurrent requests with the whole pool (the embedded server must accept every connection)', async () => {
    const statuses = await Promise.all(Array.from({ length: 50 }, async () => (await t.http.get('/health')).status));
    expect(statuses).toEqual(Array(50).fill(200));
  });

  it('answers an unknown route with 404 NOT_FOUND in the standard shape', async () => {
    const res = await t.http.get('/no-such-route').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: '请求的内容不存在' });
  });

  it('accepts a valid body, transformed into the DTO class', async () => {
    const res = await t.http.post('/api/__test/echo').send({ name: '王芳', age: 31 }).expect(201);
    expect(res.body).toEqual({ name: '王芳', age: 31, isDto: true });
  });

  it('rejects an unknown body field with VALIDATION_FAILED naming it', async () => {
    const res = await t.http.post('/api/__test/echo').send({ name: '王芳', isAdmin: true }).expect(400);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误，请检查后重试',
      details: [{ field: 'isAdmin', rule: 'whitelistValidation', message: '不支持该字段' }],
    });
  });

  it('lists every field at fault, with the DTO’s own Chinese messages', async () => {
    const res = await t.http.post('/api/__test/echo').send({ name: '', age: -1 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'name', rule: 'isNotEmpty', message: '请填写姓名' },
        expect.objectContaining({ field: 'age', rule: 'min' }),
      ]),
    );
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const res = await t.http.post('/api/__test/echo').set('content-type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toEqual({ code: 'VALIDATION_FAILED', message: '请求参数有误，请检查后重试' });
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/__test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(t.config.bodyLimit) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
  });

  it('answers an unexpected error with 500 INTERNAL and nothing of the error', async () => {
    const res = await t.http.get('/api/__test/boom').expect(500);
    expect(res.body).toEqual({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    expect(res.text).not.toContain('hunter2');
  });

  it('sends an AppException as its own code and message', async () => {
    const res = await t.http.get('/api/__test/conflict').expect(409);
    expect(res.body).toEqual({ code: 'CONFLICT', message: '该岗位已下架' });
  });

  it('publishes the OpenAPI document at /docs-json, listing /health', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths).toHaveProperty('/health');
    expect(res.body.paths['/health'].get.responses).toHaveProperty('503');
  });

  it('ran the migrations: the regions of Weihai are there', async () => {
    const rows = await t.dataSource.query<{ count: string }[]>("SELECT count(*) FROM regions WHERE parent_code = '371000'");
    expect(Number(rows[0]?.count)).toBe(7);
  });
});
