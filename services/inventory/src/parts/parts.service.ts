import { Injectable } from '@nestjs/common';
import {
  appendEvent,
  auditRecord,
  changedFields,
  DomainError,
  type Part,
  type PartPrice,
  Transactions,
  Tx,
} from '@garage/shared';
import { PartsRepository, type PartChange, type PartFields } from './parts.repository.js';

/**
 * Adds a part, and tells the catalog its first price (`part.price_changed`) in the same
 * transaction; null when the SKU is taken. The demo data adds its parts this way too.
 */
export async function addPart(parts: PartsRepository, tx: Tx, fields: PartFields): Promise<Part | null> {
  const added = await parts.insert(tx, fields);
  if (!added) return null;
  await appendEvent(tx, 'part.price_changed', added.price);
  const { id, ...after } = added.part;
  await appendEvent(
    tx,
    'audit.inventory',
    auditRecord({ action: 'inventory.part.created', subject: { type: 'part', id }, after }),
  );
  return added.part;
}

/**
 * Parts: staff and admins read them, admins add and change them; the catalog asks for their prices
 * and is told every new one (`part.price_changed`, in the transaction that set it).
 */
@Injectable()
export class PartsService {
  constructor(
    private readonly parts: PartsRepository,
    private readonly transactions: Transactions,
  ) {}

  async get(id: string): Promise<Part> {
    const part = await this.parts.findById(id);
    if (!part) throw new DomainError('NOT_FOUND', 'No such part');
    return part;
  }

  async create(fields: PartFields): Promise<Part> {
    const part = await this.transactions.run((tx) => addPart(this.parts, tx, fields));
    if (!part) throw new DomainError('CONFLICT', 'A part with this SKU already exists');
    return part;
  }

  async update(id: string, change: PartChange): Promise<Part> {
    const part = await this.transactions.run(async (tx) => {
      const updated = await this.parts.update(tx, id, change);
      if (!updated) return undefined;
      if (updated.priceChanged) await appendEvent(tx, 'part.price_changed', updated.price);
      const diff = changedFields(updated.before, updated.part);
      if (diff) {
        await appendEvent(
          tx,
          'audit.inventory',
          auditRecord({ action: 'inventory.part.updated', subject: { type: 'part', id }, ...diff }),
        );
      }
      return updated.part;
    });
    if (!part) throw new DomainError('NOT_FOUND', 'No such part');
    return part;
  }

  /** Prices by SKU, or a page of all of them; asking for both at once is ambiguous and refused. */
  async prices(query: {
    skus?: string[];
    afterSku?: string;
    limit: number;
  }): Promise<{ items: PartPrice[]; nextAfterSku: string | null }> {
    if (query.skus && query.afterSku !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Ask for skus or for a page after afterSku, not both', [
        { field: 'afterSku', message: 'not with skus' },
      ]);
    }
    if (query.skus) return { items: await this.parts.pricesOf([...new Set(query.skus)]), nextAfterSku: null };
    return this.parts.pricePage(query.afterSku, query.limit);
  }
}
