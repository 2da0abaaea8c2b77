import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import PlanTimeline from '../../../components/PlanTimeline'
import { ApiError } from '../../../services/http'
import { getMyPlan } from '../../../services/mothers'
import type { Plan } from '../../../types/api'

/** Her 12333 services: what was done and what comes next. */
export default function MyPlanPage() {
  const [plan, setPlan] = useState<Plan | null>(null)
  const [missing, setMissing] = useState(false)

  useLoad(() => {
    getMyPlan({ silent: true })
      .then(setPlan)
      .catch((error: unknown) => setMissing(error instanceof ApiError))
  })

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>我的12333就业服务</Text>
      </View>
      <Text className='hint'>在驿站办理求职登记后的一年内，您至少会得到：2次政策对接、3次职业指导、3次岗位推荐、3次免费技能培训信息。</Text>
      {!plan && !missing && <Text className='hint'>正在加载…</Text>}
      {missing && <Text className='hint'>您还没有在驿站办理求职登记。到附近的妈妈岗驿站登记后，这里会显示您的服务进度（见“帮助与维权咨询”）。</Text>}
      {plan && <PlanTimeline plan={plan} />}
    </View>
  )
}
