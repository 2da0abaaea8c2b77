import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config';
import { scrubResume } from './personal-data-scrubber';
import { readResume, type ResumeContent } from './resume-content';
import { OptimiserFailure, ResumeOptimizer, type OptimiseContext } from './resume-optimizer';

/*
 * The instructions. DeepSeek's JSON mode needs the word "json" in the prompt and an example
 * of the shape; the answer is read with readResume, so anything else in it is dropped.
 */
export const DEEPSEEK_SYSTEM_PROMPT = [
  '你是帮助育儿妇女（宝妈）重返职场的简历优化助手。请优化用户以JSON给出的简历，要求：',
  '1. 结构清晰：工作经历按时间从近到远排列，日期格式为YYYY-MM，至今的经历to为null；',
  '2. 语言精炼：把每段经历的职责改写成简洁的要点（每条不超过40字，每段不超过6条）；',
  '3. 突出亮点：根据已有内容提炼3至6条亮点（highlights），可以体现育儿经历带来的耐心、责任心和统筹能力；',
  '4. 技能和证书去重、用规范的叫法；自我介绍不超过200字；',
  '5. 不得编造简历中没有的经历、技能、证书或数字；保留“[已隐去]”，不要添加姓名、电话、身份证号等个人信息。',
  '只输出一个json对象，字段与输入相同：',
  '{"experiences":[{"employer":"","role":"","from":"YYYY-MM","to":"YYYY-MM或null","duties":[""]}],"skills":[""],"certificates":[""],"preferredWork":"","selfIntro":"","highlights":[""]}',
].join('\n');

interface ChatCompletion {
  choices?: { message?: { content?: unknown } }[];
}

/**
 * DeepSeek's chat API (OpenAI-compatible: POST {base}/chat/completions). Only the resume's
 * text leaves, after scrubResume has removed ID numbers, phones and her names. Any failure
 * (time-out, HTTP error, unreadable answer) becomes an OptimiserFailure for the fallback.
 */
@Injectable()
export class DeepSeekResumeOptimizer extends ResumeOptimizer {
  readonly source = 'deepseek' as const;
  private readonly logger = new Logger(DeepSeekResumeOptimizer.name);

  constructor(private readonly config: AppConfig) {
    super();
  }

  get configured(): boolean {
    return this.config.deepseek.apiKey !== undefined;
  }

  async optimise(resume: ResumeContent, context: OptimiseContext): Promise<ResumeContent> {
    const { apiKey, baseUrl, model, timeoutMs } = this.config.deepseek;
    if (apiKey === undefined) throw new OptimiserFailure('unavailable', 'no API key configured');
    const outgoing = scrubResume(resume, context.names);
    const body = JSON.stringify({
      model,
      messages: [
        { role: 'system', content: DEEPSEEK_SYSTEM_PROMPT },
        { role: 'user', content: JSON.stringify(outgoing) },
      ],
      response_format: { type: 'json_object' },
      temperature: 0.3,
      max_tokens: 2048,
      stream: false,
    });

    let completion: ChatCompletion;
    try {
      // One signal for the whole exchange: a server that sends headers and then stalls is cut off too.
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await fetch(`${baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body,
        signal,
      });
      if (!response.ok) {
        // The body may echo the request: log the status only.
        await response.body?.cancel().catch(() => undefined);
        throw new OptimiserFailure('unavailable', `HTTP ${response.status}`);
      }
      completion = (await response.json()) as ChatCompletion;
    } catch (error) {
      throw this.failure(error);
    }

    const content = completion?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw this.logged(new OptimiserFailure('malformed', 'no message content'));
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw this.logged(new OptimiserFailure('malformed', 'content is not JSON'));
    }
    const suggested = readResume(parsed);
    if (suggested === null) throw this.logged(new OptimiserFailure('malformed', 'content is not a resume'));
    return suggested;
  }

  private failure(error: unknown): OptimiserFailure {
    if (error instanceof OptimiserFailure) return this.logged(error);
    const name = (error as Error | undefined)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return this.logged(new OptimiserFailure('timeout', `no answer within ${this.config.deepseek.timeoutMs} ms`));
    if (error instanceof SyntaxError) return this.logged(new OptimiserFailure('malformed', 'answer is not JSON'));
    return this.logged(new OptimiserFailure('unavailable', (error as Error | undefined)?.message ?? 'request failed'));
  }

  private logged(failure: OptimiserFailure): OptimiserFailure {
    // Never the resume or the answer: they are her personal story.
    this.logger.warn(`DeepSeek resume optimisation failed, falling back to the local optimiser (${failure.message})`);
    return failure;
  }
}
