import { z } from 'zod';
import { defineMessage } from '../contract.js';
import { PageQuery, Text, Uuid, pageOf } from '../common.js';

// Technicians of a branch.

const TechnicianFields = {
  name: Text(100),
  branchId: Uuid,
  skills: z.array(Text(40)).max(30),
  active: z.boolean(),
};
export const TechnicianSchema = z.object({ id: Uuid, ...TechnicianFields });
export type Technician = z.infer<typeof TechnicianSchema>;

export const listTechnicians = defineMessage({
  pattern: 'bookings.technicians.list',
  access: ['admin', 'staff'],
  request: PageQuery.extend({
    branchId: Uuid.optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
  }).strict(),
  response: pageOf(TechnicianSchema),
  http: {
    method: 'GET',
    path: '/api/technicians',
    status: 200,
    tag: 'Technicians',
    summary: 'Technicians by name (?branchId=); they work their branch’s opening hours',
  },
});

export const createTechnician = defineMessage({
  pattern: 'bookings.technicians.create',
  access: ['admin'],
  request: z.strictObject({
    ...TechnicianFields,
    skills: TechnicianFields.skills.default([]),
    active: TechnicianFields.active.default(true),
  }),
  response: TechnicianSchema,
  http: {
    method: 'POST',
    path: '/api/technicians',
    status: 201,
    tag: 'Technicians',
    summary: 'Add a technician at a branch',
  },
});

export const updateTechnician = defineMessage({
  pattern: 'bookings.technicians.update',
  access: ['admin'],
  request: z.strictObject({
    id: Uuid,
    name: TechnicianFields.name.optional(),
    branchId: TechnicianFields.branchId.optional(),
    skills: TechnicianFields.skills.optional(),
    active: TechnicianFields.active.optional(),
  }),
  response: TechnicianSchema,
  http: {
    method: 'PATCH',
    path: '/api/technicians/:id',
    status: 200,
    tag: 'Technicians',
    summary: 'Change a technician (active: false takes them off new bookings)',
  },
});
