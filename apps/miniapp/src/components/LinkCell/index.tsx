import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Cell } from '../../ui/cell'

export interface LinkCellProps {
  title: string
  extra?: ReactNode
  description?: ReactNode
  onClick: () => void
}

/**
 * A NutUI Cell that opens something. NutUI's Cell takes no ARIA props, so a wrapper carries the
 * role and the name: screen readers announce a link, not plain text.
 */
export default function LinkCell({ title, extra, description, onClick }: LinkCellProps) {
  return (
    <View role='link' aria-label={title} onClick={onClick}>
      <Cell title={title} extra={extra} description={description} clickable />
    </View>
  )
}
