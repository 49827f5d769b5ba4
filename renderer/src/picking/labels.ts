import type { z } from 'zod';
import type { RejectReason, RequestStatus } from '../../../shared/picking-contract';

export const STATUS_LABEL: Record<z.infer<typeof RequestStatus>, string> = {
  new: 'New',
  accepted: 'Accepted',
  declined: 'Declined',
  picking: 'Picking',
  picked: 'Picked',
  shipped: 'Shipped',
};

export const REJECT_LABEL: Record<z.infer<typeof RejectReason>, string> = {
  not_found: 'Not found',
  damaged: 'Damaged',
};

/** A stored ISO time as the store reads it, in the till's own zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
