import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, Field, TextArea, TextInput } from '../../../components/Form'
import { acceptSuggestion, getMyResume, optimiseMyResume, rejectSuggestion, saveMyResume } from '../../../services/resume'
import type { ResumeContent, ResumeExperience, ResumeSuggestion } from '../../../types/api'

const EMPTY_JOB: ResumeExperience = { employer: '', role: '', from: null, to: null, duties: [] }
const list = (text: string) =>
  text
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
const MONTH = /^\d{4}-\d{2}$/

function ResumeView({ content }: { content: ResumeContent }) {
  return (
    <View>
      {content.highlights.length > 0 && <Text className='card__text'>亮点：{content.highlights.join('；')}</Text>}
      {content.selfIntro && <Text className='card__text'>自我介绍：{content.selfIntro}</Text>}
      {content.experiences.map((e, i) => (
        <Text key={i} className='card__meta'>
          {e.employer} · {e.role}：{e.duties.join('；')}
        </Text>
      ))}
      {content.skills.length > 0 && <Text className='card__meta'>技能：{content.skills.join('、')}</Text>}
    </View>
  )
}

/** Her resume: work history, skills, certificates, what she wants; optimised on request. */
export default function MyResumePage() {
  const [jobs, setJobs] = useState<ResumeExperience[]>([])
  const [skills, setSkills] = useState('')
  const [certificates, setCertificates] = useState('')
  const [preferredWork, setPreferredWork] = useState('')
  const [selfIntro, setSelfIntro] = useState('')
  const [loaded, setLoaded] = useState(false)
  const [busy, setBusy] = useState(false)
  const [suggestion, setSuggestion] = useState<ResumeSuggestion | null>(null)

  const fill = (r: ResumeContent) => {
    setJobs(r.experiences)
    setSkills(r.skills.join('，'))
    setCertificates(r.certificates.join('，'))
    setPreferredWork(r.preferredWork)
    setSelfIntro(r.selfIntro)
  }

  useLoad(() => {
    getMyResume()
      .then(fill)
      .catch(() => undefined)
      .finally(() => setLoaded(true))
  })

  const setJob = (i: number, patch: Partial<ResumeExperience>) => setJobs((js) => js.map((j, k) => (k === i ? { ...j, ...patch } : j)))

  const save = async () => {
    const bad = jobs.find((j) => !j.employer.trim() || !j.role.trim() || (j.from && !MONTH.test(j.from)) || (j.to && !MONTH.test(j.to)))
    if (bad) {
      void Taro.showToast({ title: '请填写每段经历的单位和岗位，时间写成 2020-03', icon: 'none' })
      return false
    }
    setBusy(true)
    try {
      const saved = await saveMyResume({ experiences: jobs, skills: list(skills), certificates: list(certificates), preferredWork: preferredWork.trim(), selfIntro: selfIntro.trim() })
      fill(saved)
      void Taro.showToast({ title: '简历已保存', icon: 'success' })
      return true
    } catch {
      return false
    } finally {
      setBusy(false)
    }
  }

  const optimise = async () => {
    if (!(await save())) return
    setBusy(true)
    try {
      setSuggestion(await optimiseMyResume())
    } catch {
      // http.ts showed the reason (e.g. too many today)
    } finally {
      setBusy(false)
    }
  }

  const decide = async (accept: boolean) => {
    if (!suggestion) return
    try {
      if (accept) fill(await acceptSuggestion(suggestion.id))
      else await rejectSuggestion(suggestion.id)
      setSuggestion(null)
    } catch {
      // http.ts showed the reason
    }
  }

  if (!loaded) {
    return (
      <View className='page'>
        <Text className='hint'>正在加载…</Text>
      </View>
    )
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>我的简历</Text>
      </View>
      <Text className='hint'>申请岗位时，单位会看到您的简历（不含身份证号；手机号在单位接受申请后才可见）。</Text>
      {jobs.map((job, i) => (
        <View key={i} className='card'>
          <Text className='card__title'>工作经历 {i + 1}</Text>
          <TextInput label={`经历${i + 1}：单位`} value={job.employer} onChange={(v) => setJob(i, { employer: v })} placeholder='单位名称' maxLength={100} />
          <TextInput label={`经历${i + 1}：岗位`} value={job.role} onChange={(v) => setJob(i, { role: v })} placeholder='岗位，例如 收银员' maxLength={50} />
          <TextInput label={`经历${i + 1}：开始年月`} value={job.from ?? ''} onChange={(v) => setJob(i, { from: v || null })} placeholder='开始，例如 2018-03' maxLength={7} />
          <TextInput label={`经历${i + 1}：结束年月`} value={job.to ?? ''} onChange={(v) => setJob(i, { to: v || null })} placeholder='结束（不填表示至今）' maxLength={7} />
          <TextArea label={`经历${i + 1}：做过的事`} value={job.duties.join('\n')} onChange={(v) => setJob(i, { duties: list(v) })} placeholder='每行一件，例如：负责收银和对账' maxLength={1000} />
          <ActionButton kind='danger' small onClick={() => setJobs((js) => js.filter((_, k) => k !== i))}>
            删除这段经历
          </ActionButton>
        </View>
      ))}
      <View className='page-actions'>
        <ActionButton kind='secondary' small onClick={() => setJobs((js) => [...js, { ...EMPTY_JOB }])}>
          + 添加工作经历
        </ActionButton>
      </View>
      <Field label='技能' hint='用逗号分开'>
        <TextInput label='技能' value={skills} onChange={setSkills} maxLength={300} />
      </Field>
      <Field label='证书' hint='用逗号分开，例如：育婴员证，会计证'>
        <TextInput label='证书' value={certificates} onChange={setCertificates} maxLength={300} />
      </Field>
      <Field label='想做的工作'>
        <TextInput label='想做的工作' value={preferredWork} onChange={setPreferredWork} maxLength={200} />
      </Field>
      <Field label='自我介绍'>
        <TextArea label='自我介绍' value={selfIntro} onChange={setSelfIntro} maxLength={1000} />
      </Field>
      <View className='page-actions'>
        <ActionButton busy={busy} onClick={() => void save()}>
          保存简历
        </ActionButton>
        <ActionButton kind='secondary' busy={busy} onClick={() => void optimise()}>
          帮我优化简历
        </ActionButton>
      </View>
      {suggestion && (
        <View className='card' role='region' aria-label='优化建议'>
          <Text className='card__title'>优化建议（{suggestion.sourceLabel}）</Text>
          {suggestion.note && <Text className='card__meta'>{suggestion.note}</Text>}
          <ResumeView content={suggestion.suggested} />
          <View className='card__actions'>
            <ActionButton small onClick={() => void decide(true)}>
              使用这个版本
            </ActionButton>
            <ActionButton small kind='secondary' onClick={() => void decide(false)}>
              不用了
            </ActionButton>
          </View>
        </View>
      )}
    </View>
  )
}
