import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import PostForm from '../../../components/PostForm'
import { createPost } from '../../../services/posts'
import { requestSubscription } from '../../../services/subscribe'
import { loadMyEmployers } from '../../../services/workspace'
import type { Employer, PostInput } from '../../../types/api'

/** 发布岗位: the post form for the employer she is acting for. */
export default function EmployerPostFormPage() {
  const [employer, setEmployer] = useState<Employer | null>(null)
  const [failed, setFailed] = useState(false)

  useLoad(() => {
    loadMyEmployers()
      .then(({ current }) => (current?.status === 'approved' ? setEmployer(current) : setFailed(true)))
      .catch(() => setFailed(true))
  })

  const submit = async (input: PostInput) => {
    if (!employer) return
    // In the tap, before the event: she hears when someone applies.
    await requestSubscription('applicant')
    const post = await createPost(employer.id, input)
    void Taro.showToast({ title: '岗位已发布', icon: 'success' })
    void Taro.redirectTo({ url: `/packages/employer/posts/index?created=${encodeURIComponent(post.id)}` })
  }

  if (!employer) {
    return (
      <View className='page'>
        <Text className='hint'>{failed ? '单位备案审核通过后才能发布岗位。' : '正在加载…'}</Text>
      </View>
    )
  }

  return (
    <View className='page'>
      <View role='heading' aria-level={1}>
        <Text className='section-title'>发布岗位</Text>
      </View>
      <Text className='hint'>{employer.name}：选择岗位类型后，其余内容会自动填好，改一改时间、报酬和人数就能发布。</Text>
      <PostForm
        employerKind={employer.kind}
        regionCode={employer.regionCode}
        defaultAddress={employer.address}
        defaultLocation={employer.location}
        defaultFacilities={employer.facilities}
        onSubmit={submit}
      />
    </View>
  )
}
