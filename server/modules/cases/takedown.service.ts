import type { TakedownIntake } from '../../../contracts/cases.ts'
import type { WriteContext } from '../../kernel/http/context.ts'
import { openIntake } from './matters.ts'
import { takedownType } from './takedown.workflow.ts'

/** A right holder's takedown notice from the portal: opens the platformTakedown case. */
export async function submitTakedown(context: WriteContext, input: TakedownIntake) {
  const { districtId, ...data } = input
  const platforms = [...new Set(input.listings.map((l) => l.platform))].join('、')
  return openIntake(context, takedownType, {
    districtId,
    title: `${input.rightsHolder.name} 对 ${platforms} ${input.listings.length} 条商品链接的处置通知`,
    data: { ...data, rightsHolderEntityId: context.actor.entityId, submittedBy: context.actor.userId },
  })
}
