import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@garage/shared';
import type { CatalogConfig } from './config.js';
/** Settings of the catalog's rules, taken from its validated configuration once at start. */
@Injectable()
export class CatalogSettings {
  /** Labour rate per hour (cents) of prices asked without a branch. */
  readonly defaultLaborRateCents: number;
  /** The chain's currency (ISO 4217): every branch prices in it. */
  readonly currency: string;

  constructor(@Inject(SERVICE_CONFIG) config: CatalogConfig) {
    this.defaultLaborRateCents = config.DEFAULT_LABOR_RATE_CENTS;
    this.currency = config.CURRENCY;
  }
}
