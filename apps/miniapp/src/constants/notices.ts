/**
 * The first-run privacy notice in plain words: what we collect, what for, who sees it. (The
 * station desk shows the API's versioned consent notice instead: GET /api/stations/consent-notice.)
 */
export interface NoticeItem {
  data: string
  purpose: string
}

/**
 * The version of the API's consent notice (GET /api/stations/consent-notice) that the first-run
 * notice stands for: saving her profile records her consent to it (PUT /api/mothers/me `consent`).
 * When the API publishes a new notice, update this with the texts here.
 */
export const CONSENT_NOTICE_VERSION = 'sensitive-v1'

export const PRIVACY_NOTICE: readonly NoticeItem[] = [
  { data: '孩子的出生年月', purpose: '判断您是否符合妈妈岗条件、孩子处在哪个阶段，推荐合适的岗位' },
  { data: '您方便工作的时间', purpose: '只推荐与接送孩子时间不冲突的岗位' },
  { data: '位置（家或学校附近，精确到约100米）', purpose: '计算岗位离您多远；不会展示给用人单位' },
  { data: '手机号', purpose: '单位接受您的申请后才能看到，用于联系面试；之前只显示部分号码' },
  { data: '身份证号（仅在驿站登记时）', purpose: '核实身份、避免重复登记，加密保存，任何页面只显示部分号码' },
]

export const PRIVACY_NOTICE_SUMMARY =
  '妈妈岗由当地人社部门和妇联提供，帮助抚养12岁以下孩子的妈妈找到时间灵活、有保障的工作。以下信息只用于为您推荐和办理就业服务，不会出售或用于其他用途；您可以随时在“我的”里修改或删除。'
