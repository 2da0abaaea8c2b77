import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import PagePlaceholder from '../../components/PagePlaceholder'
import PostCard from '../../components/PostCard'
import { isSignedIn, LoginCancelledError, signIn } from '../../services/auth'
import { applyToPost, getPost, type PostDetail } from '../../services/posts'

export default function PostPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const [post, setPost] = useState<PostDetail | null>(null)
  const [failed, setFailed] = useState(false)
  const [applying, setApplying] = useState(false)

  useLoad(() => {
    if (!id) {
      setFailed(true)
      return
    }
    getPost(id, { silent: true })
      .then(setPost)
      .catch(() => setFailed(true))
  })

  const apply = async () => {
    if (applying || !post) return
    setApplying(true)
    try {
      if (!isSignedIn()) await signIn()
      await applyToPost(post.id)
      void Taro.showToast({ title: '已提交申请，请留意单位联系', icon: 'success' })
    } catch (error) {
      // http.ts has already shown the API's message; only a cancelled sign-in is silent.
      if (!(error instanceof LoginCancelledError)) console.warn('apply failed', error)
    } finally {
      setApplying(false)
    }
  }

  if (!post) {
    return (
      <View className='page'>
        <PagePlaceholder
          title='岗位详情'
          summary={failed ? '暂时无法加载这个岗位，请稍后再试。' : '正在加载岗位信息…'}
          planned={[
            '工作内容、时间安排和工作地点',
            '薪资及折算时薪、合同形式、社保情况',
            '可随时请假、母婴室、妈妈班车等家庭友好条件',
            '一键申请，并查看申请进度',
          ]}
        />
      </View>
    )
  }

  return (
    <View className='page'>
      <PostCard post={post} />
      <Text className='section-title'>工作内容</Text>
      <Text className='hint'>{post.description}</Text>
      {post.benefits.length > 0 && (
        <>
          <Text className='section-title'>家庭友好条件</Text>
          <Text className='hint'>{post.benefits.join('、')}</Text>
        </>
      )}
      <View className='primary-action' role='button' onClick={apply}>
        <Text>{applying ? '正在提交…' : '申请这个岗位'}</Text>
      </View>
    </View>
  )
}
