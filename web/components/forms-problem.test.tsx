import { act, render, screen } from '@testing-library/react'
import { Form, type FormInstance, Input, Select } from 'antd'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../app/api.ts'
import { applyProblemToForm } from './forms.ts'

const problem = (...errors: { path: string; message: string }[]) =>
  new ApiError({ code: 'validation_failed', title: '输入有误', status: 400, errors })

/** A form like the asset form: a plain field, a list of holders (Form.List) and a tags field. */
function AssetLikeForm({ onForm }: { onForm: (form: FormInstance) => void }) {
  const [form] = Form.useForm()
  onForm(form)
  return (
    <Form form={form} initialValues={{ number: '', holders: [{ uscc: '' }, { uscc: '' }], ipc: ['A01B'] }}>
      <Form.Item name="number" label="号码">
        <Input />
      </Form.Item>
      <Form.List name="holders">
        {(fields) =>
          fields.map((field) => (
            <Form.Item key={field.key} name={[field.name, 'uscc']} label={`持有人 ${field.name + 1}`}>
              <Input />
            </Form.Item>
          ))
        }
      </Form.List>
      <Form.Item name="ipc" label="IPC">
        <Select mode="tags" open={false} />
      </Form.Item>
    </Form>
  )
}

function renderForm() {
  let form!: FormInstance
  render(<AssetLikeForm onForm={(f) => (form = f)} />)
  return form
}

describe('server field problems on form fields', () => {
  it('puts an error on a list item’s field, one on an item of a tags field on that field, and several on one field together', async () => {
    const form = renderForm()
    let placed = false
    await act(async () => {
      placed = applyProblemToForm(
        form,
        problem(
          { path: 'body.holders.1.uscc', message: '第二个持有人的代码有误' },
          { path: 'body.ipc.0', message: 'IPC 分类号格式不正确' },
          { path: 'body.number', message: '号码格式不正确' },
          { path: 'body.number', message: '号码已登记' },
        ),
      )
    })
    expect(placed).toBe(true)
    expect(form.getFieldError(['holders', 1, 'uscc'])).toEqual(['第二个持有人的代码有误'])
    expect(form.getFieldError(['holders', 0, 'uscc'])).toEqual([])
    expect(form.getFieldError(['ipc'])).toEqual(['IPC 分类号格式不正确'])
    expect(form.getFieldError(['number'])).toEqual(['号码格式不正确', '号码已登记'])
    expect(await screen.findByText('第二个持有人的代码有误')).toBeTruthy()
  })

  it('reads bracketed paths too, and leaves problems on fields the form does not have to the caller', async () => {
    const form = renderForm()
    await act(async () => {
      expect(applyProblemToForm(form, problem({ path: 'holders[0].uscc', message: '代码有误' }))).toBe(true)
    })
    expect(form.getFieldError(['holders', 0, 'uscc'])).toEqual(['代码有误'])
    expect(applyProblemToForm(form, problem({ path: 'body.title', message: '必填' }))).toBe(false)
    expect(applyProblemToForm(form, new Error('network'))).toBe(false)
  })
})
