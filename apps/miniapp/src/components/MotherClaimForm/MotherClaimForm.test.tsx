import { act, fireEvent, render, screen } from '@testing-library/react'
import type { ClaimCheck, MotherClaim, MotherClaimInput, MotherHire } from '../../types/api'
import MotherClaimForm from './index'

const HIRES: MotherHire[] = [
  { hireId: 'h-labour', employerName: '某某服装厂', postTitle: '质检员', startDate: '2022-06-01', contractForm: 'labour_contract', contractLabel: '劳动合同', contractMonths: 12, endedOn: null },
  { hireId: 'h-agreement', employerName: '某某电商', postTitle: '直播客服', startDate: '2022-09-01', contractForm: 'service_agreement', contractLabel: '劳务协议', contractMonths: 12, endedOn: null },
]
const PASSING: ClaimCheck = { passes: true, checks: [], amount: 3600, potentialAmount: 3600, periodFrom: '2022-09-01', periodTo: '2023-08-31', months: 12, basis: '中府函〔2022〕226号 第5条' }
const FILED: MotherClaim = { id: 'c1', status: 'submitted', statusLabel: '本人已申请待审核', amount: 3600, periodFrom: '2022-09-01', periodTo: '2023-08-31' }

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const submit = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
  })

describe('MotherClaimForm', () => {
  it('picks the service agreement, checks, then files and shows the claim', async () => {
    const onCheck = jest.fn<Promise<ClaimCheck>, [MotherClaimInput]>(() => Promise.resolve(PASSING))
    const onSubmit = jest.fn<Promise<MotherClaim>, [MotherClaimInput]>(() => Promise.resolve(FILED))
    render(<MotherClaimForm hires={HIRES} onCheck={onCheck} onSubmit={onSubmit} />)
    expect((screen.getByLabelText('录用记录') as HTMLSelectElement).value).toBe('0')
    expect(screen.getByText('某某电商 · 直播客服')).toBeTruthy()
    type('灵活就业登记日期', '2022-08-20')
    type('自缴社保月数', '12')
    await submit()
    const input = { hireId: 'h-agreement', flexibleEmploymentRegisteredOn: '2022-08-20', selfPaidInsuranceMonths: 12 }
    expect(onCheck).toHaveBeenCalledWith(input)
    expect(onSubmit).toHaveBeenCalledWith(input)
    expect(screen.getByRole('status').textContent).toContain('3600 元（2022-09-01 至 2023-08-31）· 本人已申请待审核')
  })

  it('shows every failed rule and files nothing when the check fails', async () => {
    const failing: ClaimCheck = {
      ...PASSING,
      passes: false,
      amount: 0,
      checks: [
        { code: 'policy_in_force', label: '政策在有效期内', passed: true, reason: '…' },
        { code: 'contract', label: '合同形式与期限', passed: false, reason: '此项补贴适用于签订劳务协议的灵活就业人员，这次录用为劳动合同' },
      ],
    }
    const onSubmit = jest.fn()
    render(<MotherClaimForm hires={HIRES} onCheck={() => Promise.resolve(failing)} onSubmit={onSubmit} />)
    fireEvent.change(screen.getByLabelText('录用记录'), { target: { value: '1' } })
    type('灵活就业登记日期', '2022-08-20')
    type('自缴社保月数', '6')
    await submit()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['合同形式与期限：此项补贴适用于签订劳务协议的灵活就业人员，这次录用为劳动合同'])
  })

  it('shows the reasons of a refused filing, and asks for what is missing before calling the API', async () => {
    const onCheck = jest.fn(() => Promise.resolve(PASSING))
    const refused = Object.assign(new Error('这笔补贴申请不符合规定'), {
      body: { code: 'CLAIM_RULES_FAILED', details: [{ field: 'one_per_period', message: '同一人员同一期间只享受一次：2022-09-01至2023-08-31已有社会保险补贴申请' }] },
    })
    render(<MotherClaimForm hires={HIRES} onCheck={onCheck} onSubmit={() => Promise.reject(refused)} />)
    type('灵活就业登记日期', '2022/08/20')
    await submit()
    expect(onCheck).not.toHaveBeenCalled()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['请按“2022-08-20”的格式填写灵活就业登记日期', '请填写0-120之间的自缴社保月数'])

    type('灵活就业登记日期', '2022-08-20')
    type('自缴社保月数', '12')
    await submit()
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['同一人员同一期间只享受一次：2022-09-01至2023-08-31已有社会保险补贴申请'])
  })
})
