/** Settings of the catalog's rules, taken from its validated configuration once at start. */
export class CatalogSettings {
  constructor(
    /** Labour rate per hour (cents) of prices asked without a branch. */
    readonly defaultLaborRateCents: number,
  ) {}
}
