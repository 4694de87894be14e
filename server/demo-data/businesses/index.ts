import { auto } from './auto';
import { dental } from './dental';
import { realty } from './realty';
import { restaurant } from './restaurant';
import { salon } from './salon';
import type { Business } from './types';

export type { Business, BusinessKey, Item, Qa } from './types';

/** The demo's businesses, each with its own AI receptionist, org and agent ids. */
export const BUSINESSES: readonly Business[] = [restaurant, dental, salon, auto, realty];
