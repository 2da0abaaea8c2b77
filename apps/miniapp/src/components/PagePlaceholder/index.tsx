import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface PagePlaceholderProps {
  /** Page title, in Chinese, as users will see it. */
  title: string
  /** One sentence on what the page is for. */
  summary: string
  /** What the page will do once the API is ready. */
  planned: string[]
  children?: ReactNode
}

/** Title + plan for pages whose API is not ready yet. */
export default function PagePlaceholder({ title, summary, planned, children }: PagePlaceholderProps) {
  return (
    <View className='placeholder'>
      <View role='heading' aria-level={1}>
        <Text className='placeholder__title'>{title}</Text>
      </View>
      <Text className='placeholder__summary'>{summary}</Text>
      <View className='placeholder__plan' role='list' aria-label='即将提供'>
        <Text className='placeholder__plan-title'>即将提供</Text>
        {planned.map((item) => (
          <View key={item} className='placeholder__item' role='listitem'>
            <Text>· {item}</Text>
          </View>
        ))}
      </View>
      {children}
    </View>
  )
}
