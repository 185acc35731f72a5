import { Injectable } from '@nestjs/common';
import { DomainError, type Part, type PartPrice, Transactions } from '@garage/shared';
import { PartsRepository, type PartChange, type PartFields } from './parts.repository.js';

/** Parts: staff and admins read them, admins add and change them; the catalog asks for their prices. */
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
    const part = await this.transactions.run((tx) => this.parts.insert(tx, fields));
    if (!part) throw new DomainError('CONFLICT', 'A part with this SKU already exists');
    return part;
  }

  async update(id: string, change: PartChange): Promise<Part> {
    const part = await this.transactions.run((tx) => this.parts.update(tx, id, change));
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
