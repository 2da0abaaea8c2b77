import { Text, View } from '@tarojs/components'

export interface TabsProps<T extends string> {
  label: string
  tabs: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
}

/** A row of tabs (uses the .tabs styles of app.scss). */
export default function Tabs<T extends string>({ label, tabs, value, onChange }: TabsProps<T>) {
  return (
    <View className='tabs' role='tablist' aria-label={label}>
      {tabs.map((tab) => (
        <View
          key={tab.value}
          className={`tabs__tab${tab.value === value ? ' tabs__tab--on' : ''}`}
          role='tab'
          aria-selected={tab.value === value}
          onClick={() => onChange(tab.value)}
        >
          <Text>{tab.label}</Text>
        </View>
      ))}
    </View>
  )
}
