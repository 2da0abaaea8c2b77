import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, ChoiceChips, Field, TextInput } from '../../../components/Form'
import { getSurvey, submitSurvey } from '../../../services/stations'
import type { Survey, SurveyQuestion } from '../../../types/api'

type Answer = string | string[] | number

/** A number question's typed text as a number, or the text while it is not one yet. */
function numberOrText(q: SurveyQuestion, text: string): Answer {
  const n = Number(text)
  return q.type === 'number' && text.trim() !== '' && Number.isFinite(n) ? n : text
}

/** The needs survey (个人、家庭、意向工作方式、意向行业、培训需求), filled in with her at the desk. */
export default function StationSurveyPage() {
  const { params } = useRouter<{ id?: string; name?: string }>()
  const motherId = params.id ? decodeURIComponent(params.id) : ''
  const name = params.name ? decodeURIComponent(params.name) : ''
  const [survey, setSurvey] = useState<Survey | null>(null)
  const [failed, setFailed] = useState(false)
  const [answers, setAnswers] = useState<Record<string, Answer>>({})
  const [busy, setBusy] = useState(false)

  useLoad(() => {
    getSurvey()
      .then(setSurvey)
      .catch(() => setFailed(true))
  })

  const toMother = () => void Taro.redirectTo({ url: `/packages/station/mother/index?id=${encodeURIComponent(motherId)}&name=${encodeURIComponent(name)}` })

  const submit = async () => {
    if (!survey) return
    // Unanswered questions are left out rather than sent empty.
    const given = Object.fromEntries(
      Object.entries(answers).filter(([, v]) => !(v === '' || (Array.isArray(v) && v.length === 0))),
    )
    const missing = survey.definition.sections.flatMap((s) => s.questions).find((q) => q.required && given[q.id] === undefined)
    if (missing) {
      void Taro.showToast({ title: `请回答：${missing.text}`, icon: 'none' })
      return
    }
    setBusy(true)
    try {
      await submitSurvey(motherId, survey.version, given)
      void Taro.showToast({ title: '问卷已保存', icon: 'success' })
      toMother()
    } catch {
      // http.ts showed the reason
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>{name ? `${name}的需求调查` : '需求调查'}</Text>
      </View>
      {!survey && !failed && <Text className='hint'>正在加载问卷…</Text>}
      {failed && <Text className='hint'>问卷暂时无法加载，可以稍后在宝妈档案中补填。</Text>}
      {survey?.definition.sections.map((section) => (
        <View key={section.code}>
          <View role='heading' aria-level={2}>
            <Text className='section-title'>{section.title}</Text>
          </View>
          {section.questions.map((q) => {
            const value = answers[q.id]
            const set = (v: Answer) => setAnswers((a) => ({ ...a, [q.id]: v }))
            return (
              <Field key={q.id} label={q.text} required={q.required}>
                {q.type === 'text' || q.type === 'number' || !q.options?.length ? (
                  <TextInput
                    label={q.text}
                    kind={q.type === 'number' ? 'digit' : 'text'}
                    value={value === undefined ? '' : String(value)}
                    onChange={(text) => set(numberOrText(q, text))}
                    maxLength={200}
                  />
                ) : (
                  <ChoiceChips
                    label={q.text}
                    options={q.options}
                    value={q.type === 'multi' ? (Array.isArray(value) ? value : []) : typeof value === 'string' ? value : null}
                    multiple={q.type === 'multi'}
                    onChange={(v) => set(v as Answer)}
                  />
                )}
              </Field>
            )
          })}
        </View>
      ))}
      <View className='page-actions'>
        {survey && (
          <ActionButton busy={busy} onClick={() => void submit()}>
            保存问卷
          </ActionButton>
        )}
        <ActionButton kind='secondary' onClick={toMother}>
          {survey ? '跳过，稍后再填' : '查看宝妈档案'}
        </ActionButton>
      </View>
    </View>
  )
}
