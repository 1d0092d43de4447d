/** The rule registry, in catalogue order. */
import type { Rule } from '../core/rule.js';
import exitCriteria from './exit-criteria.js';
import committedReps from './committed-reps.js';
import marginRange from './margin-range.js';
import dealRegSla from './deal-reg-sla.js';
import dealRegExpiry from './deal-reg-expiry.js';
import dealRegConflicts from './deal-reg-conflicts.js';
import dealRegMissing from './deal-reg-missing.js';
import channelConflict from './channel-conflict.js';
import pricingProtection from './pricing-protection.js';
import mdfRange from './mdf-range.js';
import mdfClaims from './mdf-claims.js';
import valueExchange from './value-exchange.js';
import commissionOps from './commission-ops.js';
import tiersMissing from './tiers-missing.js';
import tierCount from './tier-count.js';
import tierCriteria from './tier-criteria.js';
import archetypeSprawl from './archetype-sprawl.js';
import programOwner from './program-owner.js';
import partnershipsSilo from './partnerships-silo.js';
import readinessUnproven from './readiness-unproven.js';
import prematureProgram from './premature-program.js';
import vanityPartners from './vanity-partners.js';
import closedNetwork from './closed-network.js';
import marketplaceCosell from './marketplace-cosell.js';
import pilotShape from './pilot-shape.js';
import lifecycleTargets from './lifecycle-targets.js';
import recruitQualification from './recruit-qualification.js';
import enablementMissing from './enablement-missing.js';
import successMetrics from './success-metrics.js';
import portalUsage from './portal-usage.js';
import outOfScope from './out-of-scope.js';
import unfilledPlaceholder from './unfilled-placeholder.js';
import notAnalysed from './not-analysed.js';

export const allRules: readonly Rule[] = [
  exitCriteria,
  committedReps,
  marginRange,
  dealRegSla,
  dealRegExpiry,
  dealRegConflicts,
  dealRegMissing,
  channelConflict,
  pricingProtection,
  mdfRange,
  mdfClaims,
  valueExchange,
  commissionOps,
  tiersMissing,
  tierCount,
  tierCriteria,
  archetypeSprawl,
  programOwner,
  partnershipsSilo,
  readinessUnproven,
  prematureProgram,
  vanityPartners,
  closedNetwork,
  marketplaceCosell,
  pilotShape,
  lifecycleTargets,
  recruitQualification,
  enablementMissing,
  successMetrics,
  portalUsage,
  outOfScope,
  unfilledPlaceholder,
  notAnalysed,
];
