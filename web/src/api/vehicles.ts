import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { NewVehicle, Vehicle, VehicleChanges } from './types';

// The signed-in customer's own cars.

export const MY_VEHICLES_KEY = ['my-vehicles'] as const;

export function useMyVehicles() {
  return useQuery({
    queryKey: MY_VEHICLES_KEY,
    queryFn: () => unwrap(api.GET('/api/customer/my-vehicles', { params: { query: { limit: 100 } } })),
  });
}

/** What the add form sends: the mileage is left out when the owner does not know it. */
export type VehicleDraft = NewVehicle;

/** Adds a car; the list is read again, as only it says whether the car is confirmed or being checked. */
export function useAddVehicle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: VehicleDraft) => unwrap(api.POST('/api/customer/my-vehicles', { body: draft })),
    onSuccess: () => client.invalidateQueries({ queryKey: MY_VEHICLES_KEY }),
  });
}

export function useUpdateVehicle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: VehicleChanges) =>
      unwrap(api.PATCH('/api/vehicles/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: () => void client.invalidateQueries({ queryKey: MY_VEHICLES_KEY }),
  });
}

/** "2018 Honda Jazz (AB12 CDE)". */
export function vehicleName(v: Pick<Vehicle, 'year' | 'make' | 'model' | 'plate'>): string {
  return `${v.year} ${v.make} ${v.model} (${v.plate})`;
}
