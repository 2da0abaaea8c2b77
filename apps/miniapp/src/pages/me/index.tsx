import { Button as WxButton, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/Form'
import {
  activeRole,
  bindWechatPhone,
  currentMe,
  hasRole,
  loginMethod,
  refreshMe,
  ROLE_HOME,
  ROLE_LABELS,
  rolesOf,
  setActiveRole,
  signOut,
} from '../../services/auth'
import { listNotifications } from '../../services/notifications'
import type { Me, Notification, RoleCode } from '../../types/api'
import { formatDate } from '../../utils/format'
import LinkCell from '../../components/LinkCell'
import { Cell, CellGroup } from '../../ui/cell'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

const MOTHER_LINKS = [
  { title: '我的申请', note: '投递的岗位和进度', url: '/packages/mother/applications/index' },
  { title: '我的资料和孩子', note: '孩子、住址、有空时间', url: '/packages/mother/profile/index' },
  { title: '我的简历', note: '工作经历、技能，可一键优化', url: '/packages/mother/resume/index' },
  { title: '我的12333就业服务', note: '已办和待办的服务', url: '/packages/mother/plan/index' },
  { title: '我能享受的政策', note: '补贴和扶持', url: '/packages/mother/policies/index' },
  { title: '专场招聘会', note: '附近的招聘会、我的签到码', url: '/packages/mother/fairs/index' },
  { title: '用工调剂征询', note: '单位间调剂，由您本人决定', url: '/packages/mother/sharing/index' },
  { title: '重新回答开始的3个问题', note: '孩子、地点、有空时间', url: '/pages/onboarding/index?step=questions' },
  { title: '帮助与维权咨询', note: '驿站、律师咨询时间', url: '/packages/mother/help/index' },
  { title: '我的数据', note: '查看、导出、注销账号', url: '/packages/mother/data/index' },
]

const STAFF_TITLES: Record<Exclude<RoleCode, 'mother'>, string> = {
  employer_member: '用人单位工作台：岗位与应聘人员',
  station_worker: '驿站工作台：登记与12333服务',
  official: '人社局 / 妇联：审核与数据',
}

export default function MePage() {
  const [me, setMe] = useState<Me | null>(null)
  const [notes, setNotes] = useState<Notification[]>([])

  useDidShow(() => {
    const signedIn = currentMe()
    setMe(signedIn)
    if (signedIn) {
      refreshMe()
        .then(setMe)
        .catch(() => undefined)
      listNotifications()
        .then((list) => setNotes(list.slice(0, 5)))
        .catch(() => setNotes([]))
    }
  })

  const go = (url: string) => () => void Taro.navigateTo({ url })
  const openRole = (role: RoleCode) => () => {
    setActiveRole(role)
    void Taro.reLaunch({ url: ROLE_HOME[role] })
  }

  if (!me) {
    return (
      <View className='page me'>
        <View className='me__header'>
          <Text className='me__name'>未登录</Text>
          <Text className='me__role'>登录后可申请岗位、查看申请进度和就业服务</Text>
          <ActionButton onClick={() => void Taro.navigateTo({ url: isWeapp ? '/pages/onboarding/index' : '/pages/login/index' })}>
            {isWeapp ? '微信登录' : '演示账号登录'}
          </ActionButton>
        </View>
        <CellGroup title='帮助'>
          <LinkCell title='帮助与维权咨询' onClick={go('/packages/mother/help/index')} />
          <LinkCell title='隐私说明' onClick={go('/pages/onboarding/index?step=privacy')} />
        </CellGroup>
      </View>
    )
  }

  const roles = rolesOf(me)
  const role = activeRole(me)
  const mother = hasRole(me, 'mother')
  return (
    <View className='page me'>
      <View className='me__header'>
        <Text className='me__name'>{me.displayName || '妈妈岗用户'}</Text>
        <Text className='me__role'>{roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '还没有填写求职信息'}</Text>
        <Text className='me__role'>手机号：{me.phoneMasked ?? '未绑定'}</Text>
        {!me.phoneMasked && isWeapp && (
          <WxButton
            className='me__phone'
            openType='getPhoneNumber'
            onGetPhoneNumber={(event) => {
              const code = (event.detail as { code?: string }).code
              if (!code) return
              bindWechatPhone(code)
                .then(() => refreshMe())
                .then(setMe)
                .catch(() => undefined)
            }}
          >
            绑定微信手机号
          </WxButton>
        )}
        {!me.phoneMasked && !isWeapp && mother && (
          <View className='me__link' role='link' onClick={go('/packages/mother/profile/index?phone=1')}>
            <Text>绑定手机号（驿站登记过的信息会自动关联）</Text>
          </View>
        )}
        {roles.length > 1 && (
          <View className='me__link' role='link' onClick={go('/pages/login/index?choose=1')}>
            <Text>切换身份（当前：{role ? ROLE_LABELS[role] : '未选择'}）</Text>
          </View>
        )}
      </View>

      {notes.length > 0 && (
        <CellGroup title='最新消息'>
          {notes.map((n) => (
            <Cell key={n.id} title={n.title} description={`${n.body} · ${formatDate(n.createdAt)}`} />
          ))}
        </CellGroup>
      )}

      {mother ? (
        <CellGroup title='我的求职'>
          {MOTHER_LINKS.map((link) => (
            <LinkCell key={link.url} title={link.title} extra={link.note} onClick={go(link.url)} />
          ))}
        </CellGroup>
      ) : (
        <View className='me__cta'>
          <ActionButton kind='secondary' onClick={go('/pages/onboarding/index?step=questions')}>
            我要找工作：填写求职信息
          </ActionButton>
        </View>
      )}

      <CellGroup title='工作入口'>
        {roles
          .filter((r): r is Exclude<RoleCode, 'mother'> => r !== 'mother')
          .map((r) => (
            <LinkCell key={r} title={STAFF_TITLES[r]} onClick={openRole(r)} />
          ))}
        <LinkCell title='用人单位备案（加入妈妈岗用人单位名录）' onClick={go('/packages/employer/filing/index')} />
      </CellGroup>

      <View className='me__cta'>
        {loginMethod() === 'dev' && (
          <ActionButton kind='secondary' onClick={go('/pages/login/index')}>
            切换演示账号
          </ActionButton>
        )}
        <View className='me__signout' role='button' onClick={() => {
          signOut()
          setMe(null)
        }}>
          <Text>退出登录</Text>
        </View>
      </View>
    </View>
  )
}
