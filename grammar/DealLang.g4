// DealLang grammar: a file holds imports, then a deal and/or scenarios (one deal per compilation).
// The generated parser lives in src/DealLang.Grammar/Generated (run grammar/generate.sh after any change).
// Only shape lives here (and one lookahead predicate, for unknown declarations). Units, names and rules are checked by the compiler's semantic passes, so the
// grammar stays permissive where a checker can give a better message than "mismatched input".
grammar DealLang;

@parser::members {
// unknownDecl: whether the tokens from LT(first) on are names (or 'for', 'on') and then '{', as after the
// unknown word in 'tranch Loan {' or 'scenaro Stress for Mini {'. Only then is the word read as a declaration
// with a misspelt keyword; otherwise ('currencyy USD') it stays an ordinary syntax error and the names after
// it are not swallowed. Error recovery asks the same question. The look is bounded: real heads are short.
public static bool DeclarationHeadFollows(ITokenStream tokens, int first)
{
    IntervalSet names = _ATN.NextTokens(_ATN.ruleToStartState[RULE_ident]);
    for (int i = first; i < first + 16; i++)
    {
        int type = tokens.LA(i);
        if (type == LBRACE)
        {
            return true;
        }

        if (type != FOR && type != ON && !names.Contains(type))
        {
            return false;
        }
    }

    return false;
}
}

compilationUnit
    : (importDecl | dealDecl | scenarioDecl | unknownDecl)* EOF
    ;

// import "relative/path.deal": another file of the same compilation. Imports belong before the file's deal and
// scenarios; the grammar takes them anywhere at top level so that one out of place gets the compiler's message
// (DL0605) rather than a syntax error.
importDecl
    : IMPORT STRING
    ;

// ---------------------------------------------------------------- deal

dealDecl
    : DEAL name=ident LBRACE dealMember* RBRACE
    ;

dealMember
    : headerItem
    | partyDecl
    | indexDecl
    | facilityDecl
    | leaseDecl
    | loanDecl
    | fleetDecl
    | contractDecl
    | holdingDecl
    | coinsDecl
    | trancheDecl
    | equityDecl
    | accountDecl
    | feeDecl
    | testDecl
    | triggerDecl
    | defaultRule
    | cfadsRule
    | waterfallDecl
    | enforcementDecl
    | unknownDecl
    ;

// A misspelt keyword in front of a block: 'tranch Loan { ... }', 'waterfal { ... }', 'scenaro S for D { ... }'.
// Read as one unknown declaration (DL0109, with a did-you-mean) whose braces are matched and whose contents are
// skipped, so that one typo is one diagnostic and the rest of the file is read normally. The predicate (see
// DeclarationHeadFollows) keeps a word that is not followed by '{' an ordinary syntax error.
unknownDecl
    : IDENT {DeclarationHeadFollows(TokenStream, 1)}? (ident | FOR | ON)* block
    ;

// Balanced braces with anything in between.
block
    : LBRACE (block | ~(LBRACE | RBRACE))* RBRACE
    ;

headerItem
    : TITLE STRING                                   # titleItem
    | CURRENCY ident                                 # currencyItem
    | CLOSING DATE                                   # closingItem
    | MATURITY DATE                                  # maturityItem
    | FIRST_PAYMENT DATE                             # firstPaymentItem
    | PAY frequency=ident                            # payItem
    | DAYCOUNT_KW dayCount                           # dayCountItem
    | BUSINESS_DAYS roll=ident accrual=ident? (HOLIDAYS holidaySet)?   # businessDaysItem
    ;

// holidays TARGET2 + federal_reserve + { 2027-01-29 }: named calendars, then dates listed, joined by '+'.
holidaySet
    : calendars+=ident (PLUS calendars+=ident)* (PLUS holidayList)?
    | holidayList
    ;

holidayList
    : LBRACE (DATE COMMA?)* RBRACE
    ;

dayCount
    : DAYCOUNT
    ;

// party Meta { rating "AA-"  pd 0.03%  recovery 60% }
partyDecl
    : PARTY name=ident LBRACE partyItem* RBRACE
    ;

partyItem
    : RATING STRING                                  # ratingItem
    | PD expr                                        # pdItem
    | RECOVERY expr                                  # recoveryItem
    ;

// index H100Rent { level 2.35 per gpu_hour  deflate 15% per year  points stepped { DATE expr ... }
//                  launch 2027-06-30 down 20% }: a market series the deal's expressions read by its bare name.
// 'grow 5% per year' is the same drift rising: an index has one drift, 'deflate' or 'grow'.
indexDecl
    : INDEX name=ident LBRACE indexItem* RBRACE
    ;

indexItem
    : LEVEL expr                                             # indexLevelItem
    | DEFLATE expr perYear                                   # indexDeflateItem
    | GROW expr perYear                                      # indexGrowItem
    | POINTS pointsKind LBRACE schedulePoint* RBRACE         # indexPointsItem
    | LAUNCH DATE DOWN expr                                  # indexLaunchItem
    ;

pointsKind
    : STEPPED
    | INTERPOLATED
    ;

// facility Campus { cost 27bn  value straight_line 30y floor 20% }
facilityDecl
    : FACILITY name=ident LBRACE facilityItem* RBRACE
    ;

facilityItem
    : COST expr                                      # costItem
    | VALUE STRAIGHT_LINE duration (FLOOR expr)? (FROM DATE)?   # straightLineValueItem
    | VALUE SCHEDULE LBRACE schedulePoint* RBRACE    # scheduleValueItem
    ;

schedulePoint
    : DATE expr COMMA?
    ;

// lease MetaLease on Campus { lessee Meta  rent 2.6bn per year escalating 2% per year ... [daycount ACT/365F] }
// 'phased Built' pays the rent on the share of the buildings handed over (the completion index Built's level).
// 'rent 100m per year indexed CPI' scales the rent by the index's level over its level on the lease's start;
// 'indexed CPI yearly floor 1% cap 4% lag 3m' resets it on the anniversaries only, collars each reset's change and reads
// the index 3 months early (each part optional, in any order). 'termination_fee 900m amortising [to F]' is owed by the
// lessee defaulting during the initial term, as a contract's customer's. 'break_option at 60m, 120m fee 12m of rent' lets
// the lessee terminate at those months from 'starts' against the fee (months of the rent then payable, or an amount:
// 'fee 40m'); whether it does is a scenario's lever ('L breaks at 60m'). 'notice 12m', after the dates and before the
// fee, is how long before the break the lessee serves notice (a forward cfads sees the rent stop from then on).
// 'renewals 2 x 5y at lessee option rent at market with break_option at 36m fee 12m of rent': each renewal term's own
// break, at months from that term's start (a scenario's 'L breaks in renewal 1 at 36m'); 'with' keeps it apart from a
// 'break_option' item written next, which is the initial term's. '... with termination_fee 300m amortising [to F]': the
// fee a lessee defaulting in a renewal term it took owes, over that term ('with' keeps it apart from the initial term's
// item); both terms may follow one renewals item, each once, in either order.
leaseDecl
    : LEASE name=ident ON facility=ident LBRACE leaseItem* RBRACE
    ;

leaseItem
    : LESSEE ident                                   # lesseeItem
    | RENT expr perYear (ESCALATING expr perYear)? (INDEXED ident indexationPart*)?   # rentItem
    | STARTS DATE                                    # startsItem
    | TERM duration                                  # termItem
    | RENEWALS renewalCount term=duration AT LESSEE OPTION (RENT AT MARKET)? renewalTerm*     # renewalsItem
    | RVG rvgItemPart+ (WITH guarantorClause)?       # rvgItem
    | DAYCOUNT_KW dayCount                           # leaseDayCountItem
    | guarantorClause                                # leaseGuarantorItem
    | PHASED ident                                   # leasePhasedItem
    | TERMINATION_FEE fee=expr (AMORTISING (TO floor=expr)?)?   # leaseTerminationFeeItem
    | breakOption                                    # leaseBreakOptionItem
    ;

// A lease's renewal terms' own terms, each after 'with': their break, and the termination fee owed by a lessee
// defaulting in one ('with termination_fee 300m amortising to 50m', over the renewal term it falls in); one amount per
// renewal term, in order ('with termination_fee 300m, 150m'), steps the fee from term to term (DL0578: one or N).
renewalTerm
    : WITH breakOption                                                   # renewalBreakTerm
    | WITH TERMINATION_FEE fees+=expr (COMMA fees+=expr)* (AMORTISING (TO floor=expr)?)?   # renewalTerminationFeeTerm
    ;

// A break option, one rule wherever one is written: a lease's or a contract's item (the initial term's break) and, after
// 'with', their renewal terms' own ('renewals ... with break_option at 36m'). 'with rvg' at its end: a lessee that breaks
// owes the lease's residual value guarantee as if the lease had run to the break (a lease with an RVG only: DL0555,
// DL0556); 'with rvg guarantees 90m cap 20m' with an amount guaranteed or a cap of the break's own (the lease's where
// not written; an 'until' of its own is DL0585, the window is the lease's).
breakOption
    : BREAK_OPTION AT at+=duration (COMMA at+=duration)* (NOTICE notice=duration)? breakFee? (WITH RVG rvgPart*)?
    ;

// A break option's fee: 'fee 12m of rent' on a lease, 'fee 6m of revenue' on a contract (months of the rent, or the
// take-or-pay revenue, payable at the break; the word is checked against the kind, DL0437; the first alternative wins
// over the expression '12m of rent', which it also is) or 'fee 40m' (an amount).
breakFee
    : FEE months=duration OF basis=ident             # breakFeeMonths
    | FEE amount=expr                                # breakFeeAmount
    ;

// An indexed rent's terms, as a CPI clause states them: 'yearly' (the ratio reset on each anniversary of 'starts' and
// held for the lease year), 'floor R' and 'cap R' (the collar on each reset's change), 'lag D' (the index read D early).
indexationPart
    : YEARLY                                         # indexationYearly
    | FLOOR expr                                     # indexationFloor
    | CAP expr                                       # indexationCap
    | LAG duration                                   # indexationLag
    ;

// 'renewals 2 x 5y' or 'renewals 2x 5y': the lexer reads '2x' as one number with the suffix x. Whether the
// count is whole, and the suffix x, is checked when the tree is built (DL0106, DL0102).
renewalCount
    : NUMBER X
    | QUANTITY
    ;

// 'rvg guarantees Notes.scheduled_balance cap 28bn until 2045-11-30', the parts in any order; 'with guarantor Parent
// cap 10bn [until DATE]' after them names a third party that pays the part of the RVG claim a defaulted lessee does not.
rvgPart
    : GUARANTEES expr                                # rvgGuarantees
    | CAP expr                                       # rvgCap
    | UNTIL DATE                                     # rvgUntil
    ;

// A lease's rvg item's parts: those a break's own RVG terms share (rvgPart), and 'against remarketing [cost R]', the
// lease's alone: the claim measured against the net proceeds of selling the facility when the lease ends, not its
// appraised value (a break 'with rvg' follows the lease's convention, so its own terms have no such part).
rvgItemPart
    : rvgPart
    | AGAINST REMARKETING (COST cost=expr)?
    ;

// 'guarantor Google cap 3.2bn until 2036-06-30': a third party that pays what the lessee owes once it defaults, up
// to the cap. On a tranche, 'guarantor State cap 2bn fee 35bp covers interest and principal': a guarantee paid to
// the tranche's holders, for a fee the issuer pays in the waterfall ('pay Notes.guarantee_fee'); 'subrogated after
// holders' (a tranche's) defers what the guarantor recovers from the issuer until the holders are paid in full.
guarantorClause
    : GUARANTOR party=ident guarantorPart*
    ;

guarantorPart
    : CAP expr                                       # guarantorCap
    | UNTIL DATE                                     # guarantorUntil
    | FEE expr                                       # guarantorFee
    | COVERS coverage (AND coverage)?                # guarantorCovers
    | SUBROGATED AFTER HOLDERS                       # guarantorSubrogation
    ;

coverage
    : INTEREST | PRINCIPAL
    ;

// loan MinerLoan { obligor Miner  balance 400m  coupon 11% fixed  interest_only until DATE  amortize level
//                  maturity DATE  recovery 40% }: a receivable the deal owns (its coupon and amortisation are a
// tranche's: 'coupon SOFR + 3.5% floor 4%' floats). 'recovery 40% after 18m': the recovery comes in after a workout lag;
// 'accruing 8%' (or 'accruing coupon') grows the claim until it is received, 'in 4 instalments' receives it in parts,
// 'in instalments { 50% 30% 20% }' in parts of unequal size (shares of the claim, one a period); a frequency word after
// either ('in 8 instalments monthly', a plain name as the amortisation's) spaces the parts at it, not the deal's.
// 'step_up 2% from DATE', 'step_up 2% while Trigger' and 'margin grid Leverage { ... }' add to its coupon, as a tranche's.
// 'amortize level semiannual', 'amortize linear annual': its instalments at its own frequency (a word as the header's
// 'pay'; a plain name, so the next item's keyword is never taken for it), dated back from its maturity.
// 'default_interest +2%': the default rate, the coupon plus a margin, at which what the obligor owes after its default
// accrues (an accruing claim's cap, and the rate of one 'accruing coupon').
loanDecl
    : LOAN name=ident LBRACE loanItem* RBRACE
    ;

loanItem
    : OBLIGOR ident                                  # obligorItem
    | BALANCE expr                                   # loanBalanceItem
    | COUPON couponTerms                             # loanCouponItem
    | INTEREST_ONLY UNTIL DATE                       # loanInterestOnlyItem
    | AMORTIZE amortization IDENT?                   # loanAmortizeItem
    | MATURITY DATE                                  # loanMaturityItem
    | RECOVERY rate=expr (AFTER duration)? (ACCRUING recoveryAccrual)? (IN (NUMBER INSTALMENTS | INSTALMENTS LBRACE (shares+=expr COMMA?)* RBRACE) every=IDENT?)?   # loanRecoveryItem
    | stepUp                                         # loanStepUpItem
    | marginGrid                                     # loanMarginGridItem
    | DEFAULT_INTEREST PLUS? expr                    # loanDefaultInterestItem
    ;

// What a recovery claim accrues during the workout: the loan's own coupon (listed first, so 'coupon' is not read as a
// name), or a stated rate.
recoveryAccrual
    : COUPON                                         # accrualAtCoupon
    | expr                                           # accrualAtRate
    ;

// fleet Cluster { deliveries { 2025-03-31 4000 gpus at 31k per gpu  2025-09-30 6000 gpus at 29k per gpu }
//                 depreciate straight_line 6y  power 0.7 kW per gpu  pue 1.3  power_price 80 per MWh
//                 maintenance 2% per year  generation H100Rent  market_value 90% declining 18% per year }: GPUs the
//                 deal owns; its generation's rent index moves its market value.
// 'idle_cost 15%': the share of a unit's power and maintenance still due while it is idle (powered down to standby).
// One batch at closing: 'units 10000 gpus  unit_cost 30k per gpu'.
fleetDecl
    : FLEET name=ident LBRACE fleetItem* RBRACE
    ;

fleetItem
    : DELIVERIES LBRACE delivery* RBRACE                 # deliveriesItem
    | UNITS expr                                         # fleetUnitsItem
    | UNIT_COST expr                                     # unitCostItem
    | DEPRECIATE STRAIGHT_LINE duration                  # straightLineDepreciationItem
    | DEPRECIATE DECLINING expr perYear                  # decliningDepreciationItem
    | POWER expr                                         # powerItem
    | PUE expr                                           # pueItem
    | POWER_PRICE expr                                   # powerPriceItem
    | MAINTENANCE expr perYear                           # maintenanceItem
    | IDLE_COST expr                                     # idleCostItem
    | MARKET_VALUE expr DECLINING expr perYear           # marketValueItem
    | GENERATION ident                                   # generationItem
    ;

// contract MsftH100 on Cluster { customer Microsoft  units 6000 gpus  price 2.35 per gpu_hour  hours 8760 hours per year
//                               take_or_pay 90%  starts 2025-06-30  term 4y  termination_fee 500m amortising }: compute sold
//                               from a fleet, take-or-pay; the fee is owed if the customer defaults during the term.
// 'renewals 2 x 1y at customer option': each renewal taken (the scenario's 'C renewals taken K') extends the term
// by the duration, at the market price (the fleet's generation index, plus the spread of an index-plus-spread price).
// The price is a constant, an index plus a spread ('H100Rent + 0.10 per gpu_hour'), or 'at market' (the fleet's
// generation index). 'prepayment 200m' is paid by the customer at the start; with 'applied over term' it is credited
// against the term's payments linearly. 'break_option at 24m, 36m fee 6m of revenue' lets the customer terminate at those
// months from 'starts' against the fee, as a lease's lessee ('C breaks at 24m' in a scenario); 'notice 12m', after the
// dates and before the fee, as a lease's (a forward cfads sees the revenue stop from then on).
// 'renewals 2 x 2y at customer option with break_option at 12m notice 6m fee 20m': each renewal term's own break, at
// months from that term's start, as a lease's ('C breaks in renewal 1 at 12m'); its fee an amount, as a renewal's
// price is the market's.
contractDecl
    : CONTRACT name=ident ON fleet=ident LBRACE contractItem* RBRACE
    ;

contractItem
    : CUSTOMER ident                                     # customerItem
    | UNITS expr                                         # contractUnitsItem
    | PRICE AT MARKET                                    # marketPriceItem
    | PRICE expr                                         # contractPriceItem
    | HOUR expr perYear                                  # contractHoursItem
    | TAKE_OR_PAY expr                                   # takeOrPayItem
    | STARTS DATE                                        # contractStartsItem
    | TERM duration                                      # contractTermItem
    | TERMINATION_FEE fee=expr (AMORTISING (TO floor=expr)?)?   # terminationFeeItem
    | RENEWALS renewalCount term=duration AT CUSTOMER OPTION (WITH breakOption)?   # contractRenewalsItem
    | PREPAYMENT expr (APPLIED OVER TERM)?               # prepaymentItem
    | guarantorClause                                    # contractGuarantorItem
    | breakOption                                        # contractBreakOptionItem
    ;

// coins Bitcoin { holdings 1500 coins  price BTC  hashrate 12 EH/s  network 800 EH/s  rewards 450 coins per day
//                power 250 MW  power_price 0.05 per kWh  depth 2000 coins  impact 10% }: coins the deal holds, valued at
//                a price index (money per coin), mining at a share of the network's rewards less the power it burns,
//                sold by a waterfall's 'sell Bitcoin to cover X' into a market of the given depth and impact;
//                'keep 50%' keeps that share of the mining margin in coins rather than selling them as mined.
coinsDecl
    : COINS name=ident LBRACE coinsItem* RBRACE
    ;

coinsItem
    : HOLDINGS expr                                      # holdingsItem
    | PRICE ident                                        # coinPriceItem
    | HASHRATE expr                                      # hashrateItem
    | NETWORK expr                                       # networkItem
    | REWARDS expr                                       # rewardsItem
    | POWER expr                                         # coinPowerItem
    | POWER_PRICE expr                                   # coinPowerPriceItem
    | DEPTH expr                                         # coinDepthItem
    | IMPACT expr                                        # coinImpactItem
    | KEEP expr                                          # coinKeepItem
    ;

// One batch: its delivery date, its units and its cost per unit.
delivery
    : DATE units=expr AT cost=expr COMMA?
    ;

// tranche Notes { balance 27.3bn  coupon 6.581% fixed  interest_only until 2029-11-30  amortize level }
// A floating coupon is any rate expression, reset each period, clamped: 'coupon SOFR + 6.00% floor 0% cap 12%'.
// Interest capitalises with 'pik' (all of it), 'pik 50%' (a share), 'pik when <condition>' (a toggle), or
// 'pik unpaid' (what the waterfall leaves unpaid capitalises instead of deferring as an arrear).
// Bought below par with 'issue_price 98%'. A delayed-draw tranche: 'commitment 7.5bn  available until DATE
// draws { DATE AMOUNT ... }  commitment_fee 0.50%'. 'step_up 1% from DATE' adds to the coupon from a date on;
// 'target_balance <expr>' makes the balance above it due (a borrowing base). 'step_up 2% while Trigger' adds to
// the coupon while the trigger was active at the previous period's end; 'margin grid Test { below B M ... else M }'
// adds the margin of the test's tier at the previous period's end. 'draws against Fleet advance 80%' draws, on each
// delivery date, 80% of the cost of the GPUs delivered against the fleet's contracts; 'margin investment_grade 6.25%
// else 13.00%' adds to the coupon the margin of what each part of the balance funds. 'convertible at 12.43 per share against
// WULF' converts into shares at maturity when the share price (money per share, read at the period's start) is
// above the conversion price, or earlier with 'early above 130%'; 'put 2029-12-01 at 100%' lets the holder demand cash,
// 'call from 2028-12-01 above 130%' lets the issuer force conversion; 'reset 2027-06-01, 2028-06-01 to 110% floor 8.00
// per share' lowers the conversion price towards the share price on those dates. 'callable from 2027-06-01 at 104.625%, from
// 2028-06-01 at 102.3125%, from 2029-06-01 at 100% make_whole UST5Y + 50bp' is any tranche's call schedule: the price a
// scenario's call pays, and before the first date the make-whole price ('make_whole curve { 2y UST2Y  5y UST5Y } + 50bp':
// at a Treasury curve's rate for the time to the first date). 'completion Built' scales the scheduled principal by
// the share of the buildings completed (a rate read at the period's start: an index whose dated points are the
// completions, which a scenario's 'Built delayed 6m' moves).
trancheDecl
    : TRANCHE name=ident LBRACE trancheItem* RBRACE
    ;

// A coupon's terms, a tranche's and a loan's: 'coupon 6.581% fixed', 'coupon SOFR + 6.00% floor 0% cap 12%'.
couponTerms
    : rate=expr FIXED? (FLOOR floor=expr)? (CAP cap=expr)?
    ;

trancheItem
    : BALANCE expr                                   # balanceItem
    | COUPON couponTerms                             # couponItem
    | PIK share=QUANTITY? (WHEN condition=expr)?     # pikItem
    | PIK UNPAID                                     # pikUnpaidItem
    | ISSUE_PRICE expr                               # issuePriceItem
    | COMMITMENT expr                                # commitmentItem
    | AVAILABLE UNTIL DATE                           # availableItem
    | DRAWS LBRACE schedulePoint* RBRACE             # drawsItem
    | DRAWS AGAINST fleet=ident ADVANCE advance=expr # drawsAgainstItem
    | COMMITMENT_FEE expr                            # commitmentFeeItem
    | stepUp                                         # stepUpItem
    | marginGrid                                     # marginGridItem
    | MARGIN INVESTMENT_GRADE ig=expr ELSE otherwise=expr   # classMarginItem
    | TARGET_BALANCE expr                            # targetBalanceItem
    | INTEREST_ONLY UNTIL DATE                       # interestOnlyItem
    | AMORTIZE amortization                          # amortizeItem
    | MATURITY DATE                                  # trancheMaturityItem
    | SENIORITY NUMBER                               # seniorityItem
    | guarantorClause                                # trancheGuarantorItem
    | CONVERTIBLE AT price=expr AGAINST share=expr (EARLY ABOVE above=expr)? convertiblePut* convertibleCall?   # convertibleItem
    | RESET DATE (COMMA DATE)* TO ratio=expr FLOOR floor=expr   # conversionResetItem
    | COMPLETION expr                                # completionItem
    | CALLABLE callStep+ (MAKE_WHOLE (makeWhole=expr | CURVE LBRACE curvePoint+ RBRACE (sign=(PLUS | MINUS) spread=expr)?))?   # callableItem
    ;

// A point of a make-whole's Treasury curve, '5y UST5Y' (the points separated by commas or not): the rate index of that
// constant maturity (docs/language.md §5 "The make-whole price").
curvePoint
    : duration rate=expr COMMA?
    ;

// A step of a tranche's call schedule, 'from 2028-06-01 at 102.3125%' (the steps separated by commas or not):
// from the date the issuer may call at the price (docs/language.md §5 "A call schedule").
callStep
    : FROM DATE AT price=expr COMMA?
    ;

// A convertible's holder put, 'put 2029-12-01 at 100%' (repeatable: one per put date), and its issuer's provisional
// call, 'call from 2028-12-01 above 130%' (docs/language.md §5 "Convertible notes").
convertiblePut
    : PUT DATE AT price=expr
    ;

convertibleCall
    : CALL FROM DATE ABOVE above=expr
    ;

// What is added to a coupon, a tranche's and a loan's: 'step_up 1% from 2030-01-01', 'step_up 2% while CashTrap'
// (repeatable), and 'margin grid Ltv { below 50% 6.00%  below 65% 6.50%  else 7.00% }'.
stepUp
    : STEP_UP expr (FROM DATE | WHILE trigger=ident)
    ;

marginGrid
    : MARGIN GRID test=ident LBRACE gridTier* (ELSE otherwise=expr)? RBRACE
    ;

// below 50% 6.00%: the margin while the test's value is below the bound.
gridTier
    : BELOW bound=expr margin=expr
    ;

amortization
    : BULLET                                         # bulletAmortization
    | LEVEL                                          # levelAmortization
    | LINEAR                                         # linearAmortization
    | SCHEDULE LBRACE schedulePoint* RBRACE          # scheduleAmortization
    ;

// holding HyperionNotes { of Hyperion.Notes  face 500m  mark par }: a share or face amount of another entity's
// tranche, or a share of its equity (docs/language.md §5 "holding"); the entity comes from an imported file.
// 'draws called from Lps': the holder's equity whose investors are called for the held delayed draw's draws.
holdingDecl
    : HOLDING name=ident LBRACE holdingItem* RBRACE
    ;

holdingItem
    : OF entity=ident DOT member=ident               # heldItem
    | SHARE expr                                     # shareItem
    | FACE expr                                      # faceItem
    | MARK PAR                                       # markParItem
    | MARK ident                                     # markIndexItem
    | MARKET holdingMarketTerm+                      # holdingMarketItem
    | DRAWS CALLED FROM ident                        # drawsCalledFromItem
    ;

// The market a forced sale of a holding sells into (docs/language.md §5 "holding", "A forced sale"): 'market
// discount 5%  depth 200m  impact 30%'; a scenario lever repeats the form, 'HyperionNotes market discount 20%'.
holdingMarketTerm
    : DISCOUNT expr                                  # holdingDiscountTerm
    | DEPTH expr                                     # holdingDepthTerm
    | IMPACT expr                                    # holdingImpactTerm
    ;

// equity Sponsor { contributed 2.45bn  holders BlueOwl 80%, Meta 20% }; a fund's LPs with a distribution waterfall:
// equity Investors { contributed 500m  holders Pension 80%, Etf 20%  hurdle 8%  carry 20% to Manager catch_up 100% };
// commitments drawn over time ('commitment 1bn  calls 2026-07-01 250m, 2027-01-01 250m'), a class's own terms
// ('holders Pension 70% { hurdle 8%  carry 15% }, Etf 30% { hurdle 6% }') and a deal-by-deal carry ('... deal_by_deal').
equityDecl
    : EQUITY name=ident LBRACE equityItem* RBRACE
    ;

equityItem
    : CONTRIBUTED expr                               # contributedItem
    | HOLDERS holder (COMMA holder)*                 # holdersItem
    | HURDLE expr                                    # hurdleItem
    | CARRY expr TO gp=ident (CATCH_UP expr)? DEAL_BY_DEAL?   # carryItem
    | COMMITMENT expr                                # equityCommitmentItem
    | CALLS capitalCall (COMMA capitalCall)*         # callsItem
    ;

holder
    : ident expr (LBRACE holderTerm* RBRACE)?
    ;

// an LP class's own terms, in place of the equity's: 'Pension 70% { hurdle 8%  carry 15%  catch_up 100% }'
holderTerm
    : HURDLE expr                                    # holderHurdle
    | CARRY expr                                     # holderCarry
    | CATCH_UP expr                                  # holderCatchUp
    ;

// a dated capital call: 'calls 2026-07-01 250m, 2027-01-01 250m'
capitalCall
    : DATE expr
    ;

// account Dsra { target 6m of debt_service  initial 0  earns 4% }
accountDecl
    : ACCOUNT name=ident (LBRACE accountItem* RBRACE)?
    ;

accountItem
    : TARGET expr                                    # targetItem
    | INITIAL expr                                   # initialItem
    | EARNS expr                                     # earnsItem
    ;

// fee Opex { 0.5% of Campus.value per year escalating 2% per year }, or per period: fee Servicing { 2% of collections }
// (which form an amount may take, a flow or not, is checked by the type checker: DL0316, DL0317). 'until repaid'
// stops it accruing once every tranche is repaid (the trustee's, the agent's); 'until default' from the period after an
// event of default (an asset manager's, whose mandate the enforcement ends). Either written twice is DL0105, not a
// parse error; both may be written.
feeDecl
    : FEE name=ident LBRACE expr (perYear (ESCALATING expr perYear)?)? feeUntil* RBRACE
    ;

feeUntil
    : UNTIL (REPAID | DEFAULT)
    ;

// test Dscr = cfads / debt_service over trailing 12m from 2030-11-30
// test FwdDs = debt_service over next 12m
testDecl
    : TEST name=ident ASSIGN expr (OVER (TRAILING | forward=NEXT) duration)? (FROM DATE)?
    ;

// trigger CashTrap when Dscr < 1.10x from 2030-11-30 trips after 2 cures after 2 cure by Sponsor up to 2 times
//   prepaying Notes => trap, sweep 50% to Notes
triggerDecl
    : TRIGGER name=ident WHEN expr (FROM DATE)? (TRIPS AFTER trips=NUMBER)? (CURES AFTER cures=NUMBER)?
      (CURE BY curer=ident UP TO times=NUMBER TIMES cureDestination?)? ARROW triggerEffect (COMMA triggerEffect)*
    ;

// where an equity cure's cash goes: 'prepaying ClassA, ClassB' (the tranches' principal, in that order), with
// 'then into CureAccount' for what their balances cannot take, or 'into Dsra' (an account); none is reported by the
// checker (DL0457)
cureDestination
    : PREPAYING ident (COMMA ident)* (THEN INTO rest=ident)?   # curePrepaying
    | INTO ident                                               # cureInto
    ;

// trap, event_of_default (checked by name), sweep 50% to Notes, accelerate, accelerate (ClassA, ClassB)
triggerEffect
    : SWEEP share=QUANTITY TO ident                            # sweepEffect
    | ACCELERATE (LPAREN ident (COMMA ident)* RPAREN)?         # accelerateEffect
    | effect=ident                                             # namedEffect
    ;

// default when Notes.interest_shortfall > 0 grace 30d
defaultRule
    : DEFAULT WHEN expr (GRACE duration)?
    ;

// cfads includes rvg: one-off receipts that a term sheet counts in CFADS
cfadsRule
    : CFADS INCLUDES cfadsItem (COMMA cfadsItem)*
    ;

cfadsItem
    : RVG
    | ident
    ;

waterfallDecl
    : WATERFALL LBRACE step* RBRACE
    ;

step
    : PAY target=reference (USING ident (COMMA ident)*)?     # payStep
    | FILL ident                                              # fillStep
    | RELEASE ident                                           # releaseStep
    | HOLD REST IN ident                                      # holdStep
    | DISTRIBUTE (share=QUANTITY OF)? REST TO ident           # distributeStep
    | SWEEP share=QUANTITY OF REST TO ident                   # sweepStep
    | SELL ident (COMMA ident)* PRO_RATA? TO COVER target=reference   # sellStep
    | IF expr LBRACE step* RBRACE (ELSE LBRACE step* RBRACE)? # ifStep
    | PRO_RATA (BY BALANCE)? LBRACE step* RBRACE              # proRataStep
    | SEQUENTIAL LBRACE step* RBRACE                          # sequentialStep
    ;

// enforcement { sell Campus haircut 20% lag 6m  waterfall { ... } }
// enforcement { sell Cluster haircut 10% lag 3m  depth 1500 gpus per month  impact 20%  limit 3000 gpus per month
//               costs 500 per gpu  waterfall { ... } }
// enforcement { sell Bitcoin over 4 periods haircut 20% lag 0m  waterfall { ... } }
// enforcement { sell Campus haircut 20% lag 6m subject to lease  waterfall { ... } }
enforcementDecl
    : ENFORCEMENT LBRACE enforcementItem* RBRACE
    ;

enforcementItem
    : SELL ident (COMMA ident)* (sellTerm | subjectToLease)*   # sellItem
    | waterfallDecl                                  # enforcementWaterfallItem
    ;

// 'subject to lease': a facility sold subject to its lease waits for the lease to end, its rent and RVG collected
// meanwhile (docs/language.md §9, "subject-to-lease"). A term of the deal's sale, not a scenario's lever, so not a sellTerm.
subjectToLease
    : SUBJECT TO LEASE
    ;

// The repo market (a fleet's units sold month by month): 'depth 1500 gpus per month  impact 20%
// limit 3000 gpus per month  costs 500 per gpu', and the workout's terms: 'keep contracts' (units under running
// contracts are kept running, only idle and freed units are sold) and 'reserve 12k per gpu' (no unit sold below it).
// 'impact 20% half_life 3m' carries each month's price impact into the months after it, fading by half every 3 months.
// 'over 4 periods' spreads a sale of coins over that many periods, an equal share of the coins left in each.
// 'price yield 14%' sells each loan at the present value of its remaining payments at that yield; 'price LoanMarks'
// at its balance × that index's level, a price as a share of par (docs/language.md §9, "A loan's market price").
sellTerm
    : HAIRCUT expr                                   # haircutTerm
    | PRICE YIELD expr                               # priceYieldTerm
    | PRICE ident                                    # priceIndexTerm
    | LAG duration                                   # lagTerm
    | OVER NUMBER PERIODS                            # spreadTerm
    | DEPTH expr PER MONTH                           # depthTerm
    | IMPACT expr                                    # impactTerm
    | LIMIT expr PER MONTH                           # limitTerm
    | COSTS expr                                     # costsTerm
    | KEEP CONTRACTS                                 # keepContractsTerm
    | RESERVE expr                                   # reserveTerm
    // 'relet idle at 60% for 6m': the free units re-let at the fleet's spot index from the sale date, none sold meanwhile.
    // 'relet idle at 30% rising to 80% over 12m for 24m price 85% of H100Rent': the utilisation ramps from 30% to 80% over
    // the 12 months from the sale date, and the units are let at 85% of that index (or 'price H100Rent - 0.30').
    // In a scenario's 'enforcement relet idle at beta mean 60% sd 15% …' (or 'rising to beta …') the utilisation is drawn
    // per path (a stochastic item, docs/language.md §9, "drawn-relet-utilisation"); a sale's own is refused (DL0527).
    // 'relet idle at curve { 0m 30%  3m 55%  9m 75% } for 24m': the utilisation follows that curve from the sale date.
    | RELET IDLE AT (reletCurve | drawnUtilisation=shareDraw | utilisation=expr) reletRamp? (FOR window=duration)? reletPricing?   # reletIdleTerm
    // 'half_life 3m': the impact of a month's sales carries into the months after it, halving every 3 months.
    | HALF_LIFE duration                             # halfLifeTerm
    ;

// A re-let's shape, shared by a sale's re-let of idle units and a contract's re-let in a scenario (docs/language.md
// "relet-ramp", "contract-relet-ramp"): 'rising to 80% over 12m' ramps the utilisation over the 12 whole months from the
// re-let's start; 'price 85% of H100Rent' or 'price H100Rent - 0.30' lets the units at that price, not the spot index.
// 'rising to beta mean 70% sd 15% over 12m': the level the ramp reaches drawn per path, in a stochastic scenario.
reletRamp
    : RISING TO (drawnTo=shareDraw | to=expr) OVER over=duration
    ;

reletPricing
    : PRICE expr
    ;

// A re-let whose utilisation follows a curve in place of a straight ramp (docs/language.md §9, "relet-curve"):
// 'curve { 0m 30%  3m 55%  9m 75%  21m 80% }', each point a level at whole months from the re-let's start (the first at
// 0m), linear between points and flat after the last, as a make-whole's curve is written (commas optional). A level
// drawn per path ('3m beta mean 55% sd 10%') is read so that it is refused with its own diagnostic (DL0514), as are a
// straight ramp written after a curve ('rising to …') and a curve of no point (DL0515).
reletCurve
    : CURVE LBRACE reletCurvePoint* RBRACE
    ;

reletCurvePoint
    : duration (drawnLevel=shareDraw | level=expr) COMMA?
    ;

// ---------------------------------------------------------------- scenarios

scenarioDecl
    : SCENARIO name=ident FOR deal=ident LBRACE scenarioItem* RBRACE
    ;

scenarioItem
    : lease=ident RENEWALS TAKEN NUMBER                       # renewalsTakenItem
    // 'MetaLease renewals drawn 60% loading Campus.value 30%': each option taken with that probability given the one
    // before was, drawn per path (a stochastic item, docs/language.md §10, "Drawn renewals").
    | lease=ident RENEWALS DRAWN p=expr loading*              # renewalsDrawnItem
    // 'MetaLease breaks at 60m': the lessee exercises the lease's break option at that month from its start (or, on a
    // contract, 'MsftH100 breaks at 24m': the customer exercises the contract's).
    // 'MetaLease breaks in renewal 1 at 36m': at that month from the start of the lease's first renewal term, one of the
    // renewals' own break dates ('renewals ... with break_option at 36m').
    | lease=ident BREAKS (IN RENEWAL renewal=NUMBER)? AT duration   # leaseBreaksItem
    // 'MetaLease breaks drawn at 60m with 20%, 120m with 30% loading Campus.value -40%': the lessee (or a contract's
    // customer) breaks at the first of these break dates it draws, each with that probability given no break before,
    // drawn per path (a stochastic item, docs/language.md §10, "Drawn breaks"). 'MetaLease breaks drawn in renewal 1 at
    // 18m with 20%': among the renewal terms' own break dates, on a path that takes that renewal.
    | lease=ident BREAKS DRAWN (IN RENEWAL renewal=NUMBER)? AT breakChance (COMMA breakChance)* loading*   # breaksDrawnItem
    // 'Campus.value deflate 8% per year', 'market_rent grow 3% per year', 'Sofr grow 10% per year': a drift falling or
    // rising, replacing the index's own (docs/language.md §10).
    | path=reference (DEFLATE | GROW) rate=expr perYear (VOLATILITY vol=expr perYear)?   # deflateItem
    | path=reference DROP expr BY DATE                        # dropItem
    // 'Tenant defaults on 2031-06-30 recovery beta mean 40% sd 20%': a dated default whose recovery is drawn per path
    // (a stochastic item, docs/language.md §10, "Stochastic scenarios"). A loading before 'recovery' loads the default
    // time, which a dated default does not draw: read so that it is reported as such (DL0512), not as a syntax error.
    | party=ident DEFAULTS (ON DATE loading* recoveryDraw? | DRAWN (PD pd=expr perYear pdStep*)? loading* recoveryDraw?)   # partyDefaultsItem
    | ENFORCEMENT sellTerm+                                   # enforcementOverrideItem
    | ENFORCEMENT SELL ALL                                    # enforcementSellAllItem
    // 'enforcement not relet idle': every sale into a market offers its free units at once, as without 'relet idle'.
    | ENFORCEMENT NOT RELET IDLE                              # enforcementNotReletItem
    | index=ident LEVEL expr                                  # indexLevelOverrideItem
    | index=ident POINTS pointsKind LBRACE schedulePoint* RBRACE   # indexPointsOverrideItem
    | index=ident LAUNCH DATE DOWN expr                       # indexLaunchOverrideItem
    | index=ident SHIFT PLUS? expr                            # indexShiftItem
    // 'Built delayed 6m from 2027-06-30': the index's dated points on or after the date (the later buildings) move
    // later; without 'from', every point does.
    | index=ident DELAYED duration (FROM DATE)?               # indexDelayedItem
    // 'Built delayed drawn 0m with 50%, 6m with 30%, 12m with 20% loading Campus.value 60%': the index's dated points
    // moved later by a delay drawn per path from these outcomes, tied to the factors by its loadings (a stochastic item,
    // docs/language.md §10, "Drawn delays").
    | index=ident DELAYED DRAWN delayOutcome (COMMA delayOutcome)* (FROM DATE)? loading*   # indexDelayDrawnItem
    // 'Obligor workout drawn 6m with 30%, 18m with 50%, 36m with 20%': the workout lag of each loan the party owes with
    // 'recovery R after D' drawn per path from these outcomes in place of D, tied to the factors by its loadings as a
    // drawn delay is (a stochastic item, docs/language.md §10, "Drawn workout lags").
    | party=ident WORKOUT DRAWN delayOutcome (COMMA delayOutcome)* loading*   # workoutDrawnItem
    | contract=ident UTILISATION expr                         # utilisationItem
    // 'H100s relet after 3m at 30% rising to 80% over 12m price 85% of H100Rent': the re-let ramps and has a price of its own.
    // 'H100s relet after 3m at beta mean 60% sd 15% loading H100Rent 50%': the utilisation drawn per path (a stochastic
    // item, docs/language.md §5, "drawn-relet-utilisation"), as is a ramp's end written 'rising to beta …'.
    // 'H100s relet after 3m at curve { 0m 30%  3m 55%  9m 75% }': the utilisation follows that curve from the re-let's start.
    | contract=ident RELET AFTER duration AT (reletCurve | drawnUtilisation=shareDraw | utilisation=expr) reletRamp? reletPricing?   # reletItem
    | contract=ident NOT RELET                                # notReletItem
    // A guarantor's levers: 'Google guarantees honoured 50%' pays that share of what falls due; 'State guarantees
    // disowned from 2031-01-01' pays nothing from that date (from the closing without one).
    | party=ident GUARANTEES HONOURED share=QUANTITY?         # guaranteeHonouredItem
    | party=ident GUARANTEES DISOWNED (FROM DATE)?            # guaranteeDisownedItem
    // An issuer's hard call of a convertible: 'Converts called on 2028-06-01 at 101%' redeems the notes in cash at that
    // share of the principal (100% without 'at') unless the holder, offered less than its shares are worth, converts;
    // 'part 50%' calls that share of the balance only, and the rest runs on.
    | tranche=ident CALLED ON DATE (AT price=expr)? (PART part=expr)?   # trancheCalledItem
    // A call decided in the run: 'Notes called when UST5Y + 3% < 8% from 2027-06-01' calls at the start of the first
    // period (from that date's, else from the closing) whose index levels make the condition true.
    | tranche=ident CALLED WHEN condition=expr (FROM DATE)? (AT price=expr)? (PART part=expr)?   # trancheCalledWhenItem
    // The holders' behaviour at a conversion: 'Converts converts 60%' converts that share of the balance when the rule
    // says the holder converts (at maturity or early); the rest is repaid in cash.
    | tranche=ident CONVERTS part=expr                        # trancheConvertsItem
    // A loan's obligor in arrears: 'MinerLoan pays 60% from 2027-01-01 to 2027-09-30' pays that share of what falls due
    // in each period from the one holding the first date through the one holding the second, the rest in arrears, and
    // cures (pays them) in the next; without 'to', until the loan's maturity or a default (docs/language.md §10,
    // "Partial payments"). 'then arrears over 12m' (a standstill) repays the last window's arrears in equal instalments
    // over those months' periods after it rather than at once; 'then arrears capitalised' makes them principal, paid
    // pro rata with the schedule ("Arrears rescheduled").
    // 'MinerLoan pays beta mean 60% sd 15% loading Hashprice 50% from …': the window's share drawn per path from that
    // beta, tied to the factors by its loadings as a drawn recovery is (a stochastic item, "Partial payments").
    | loan=ident PAYS (drawnShare=shareDraw | share=expr) (FROM first=DATE)? (TO last=DATE)? (THEN ARREARS (OVER over=duration | capitalised=CAPITALISED))?   # loanPaysItem
    // A holding's market for a forced sale: 'HyperionNotes market discount 20% depth 50m impact 40%'.
    | holding=ident MARKET holdingMarketTerm+                 # holdingMarketLeverItem
    // Stochastic items (docs/language.md §10, "Stochastic scenarios"): a scenario with any is a Monte Carlo one.
    | PATHS NUMBER                                            # pathsItem
    | SEED NUMBER                                             # seedItem
    | ANTITHETIC                                              # antitheticItem
    | SOBOL                                                   # sobolItem
    | index=ident GBM DRIFT drift=expr perYear VOLATILITY vol=expr perYear   # gbmItem
    | index=ident REVERTS TO (TREND | toward=expr) SPEED speed=expr perYear VOLATILITY vol=expr perYear   # revertsItem
    | index=ident JUMPS rate=expr perYear DOWN down=expr      # jumpsItem
    | CORRELATE a=reference WITH b=reference normal=expr (STRESS stress=expr)?   # correlateItem
    | REGIMES STRESS toStress=expr perYear NORMAL toNormal=expr perYear          # regimesItem
    ;

// 'until 2028-01-01 then 3% per year': a drawn default's PD term structure, the annual PD from that date on.
pdStep
    : UNTIL DATE THEN expr perYear
    ;

// 'recovery beta mean 40% sd 20%': a default's recovery (drawn or dated), drawn per path from a beta distribution;
// 'recovery drawn at 0% with 30%, 60% with 70%': from these outcomes (a buyer at a price, or none), as a drawn break's
// dates are written (docs/language.md §10, "Drawn recovery outcomes"). 'loading H100Rent 60%' after either loads the
// recovery on a factor (wrong-way risk, "Wrong-way recoveries"). The loadings after 'recovery' are the recovery's,
// the ones before it the default time's. 'recovery drawn at 0% with 30% else beta mean 55% sd 20%': no buyer, or else a
// price from a beta (a mixture, "Drawn recovery outcomes"), the beta taking the probability the outcomes leave.
recoveryDraw
    : RECOVERY BETA MEAN mean=expr SD sd=expr loading*                                # betaRecovery
    | RECOVERY DRAWN AT recoveryOutcome (COMMA recoveryOutcome)* (COMMA? ELSE recoveryRest)? loading*   # outcomesRecovery
    ;

// 'beta mean 60% sd 15% loading Hashprice 50%': a partial payment's share drawn per path from the beta of that mean and
// sd (by the method of moments, as 'recovery beta' is), tied to the factors by its loadings as a drawn recovery is
// (docs/language.md §10, "Partial payments").
shareDraw
    : BETA MEAN mean=expr SD sd=expr loading*
    ;

// 'beta mean 55% sd 20%': the beta of a mixed recovery, after 'else'.
recoveryRest
    : BETA MEAN mean=expr SD sd=expr
    ;

// '60% with 70%': one outcome of a drawn recovery, the recovery rate and its probability.
recoveryOutcome
    : rate=expr WITH p=expr
    ;

// '6m with 30%': one outcome of a drawn delay, its probability (a '-' is read so that a negative delay is reported
// as such, DL0768).
delayOutcome
    : MINUS? duration WITH p=expr
    ;

// '60m with 20%': one date of a drawn break, the probability of breaking there given no break before.
breakChance
    : duration WITH p=expr
    ;

// 'loading H100Rent 40%': a drawn default's, drawn renewals', a drawn break's, a drawn delay's or a drawn workout lag's loading on a factor's shock (the Gaussian copula's beta).
loading
    : LOADING factor=reference beta=expr
    ;

// ---------------------------------------------------------------- expressions

perYear
    : PER YEAR
    ;

duration
    : QUANTITY
    ;

// Precedence, tightest first: unary, of (rate of money), * /, + -, comparison, not, and, or, if-then-else
// (its else branch reaches as far right as it can: 'if c then 1 else 2 + 3' is 'else (2 + 3)').
expr
    : LPAREN expr RPAREN                                      # parenExpr
    | op=MINUS expr                                           # negateExpr
    | left=expr OF right=expr                                 # ofExpr
    | left=expr op=(STAR | SLASH) right=expr                  # multiplyExpr
    | left=expr op=(PLUS | MINUS) right=expr                  # addExpr
    | left=expr op=(LT | LE | GT | GE | EQ | NE) right=expr   # compareExpr
    | NOT expr                                                # notExpr
    | left=expr AND right=expr                                # andExpr
    | left=expr OR right=expr                                 # orExpr
    | IF cond=expr THEN whenTrue=expr ELSE whenFalse=expr     # conditionalExpr
    | callee=ident LPAREN (expr (COMMA expr)*)? RPAREN        # callExpr
    | amount=(NUMBER | QUANTITY) unit=measureUnit? PER per=measureUnit   # perUnitExpr
    | NUMBER unit=measureUnit                                 # measureExpr
    | QUANTITY                                                # quantityExpr
    | NUMBER                                                  # numberExpr
    | DATE                                                    # dateExpr
    | reference                                               # referenceExpr
    ;

// Compute units: '10000 gpus', '8760 hours', '1.2 MW', and per unit: '2.35 per gpu_hour' (money),
// '30k per gpu', '0.08 per kWh', '0.7 kW per gpu'; a miner's '1000 coins', '12 EH/s', '450 coins per day', and a share
// price '12.43 per share'. The words are reserved.
measureUnit
    : GPU | GPU_HOUR | HOUR | KW | MW | KWH | MWH | COIN | COINS | EH_S | DAY | SHARE
    ;

// A name, optionally with one member: Notes, Notes.balance, Campus.value.
reference
    : ident (DOT member=ident)?
    ;

// Keywords are reserved only where they start a construct; after a dot, or as a deal's name,
// most may be used as names (Notes.balance, Campus.value, Notes.interest).
ident
    : IDENT
    | NON_ASCII_NAME
    | BALANCE | VALUE | COST | RENT | TERM | TARGET | INITIAL | COUPON | MATURITY | INTEREST
    | PRINCIPAL | RATING | RECOVERY | PD | CAP | LESSEE | STARTS | CONTRIBUTED | HOLDERS
    | EARNS | LEVEL | LINEAR | BULLET | SCHEDULE | MARKET | OPTION | FIXED | TITLE | CURRENCY
    | CLOSING | SENIORITY | HAIRCUT | LAG | YEAR | TAKEN | TRAILING | NEXT | FLOOR | GUARANTEES
    | STRAIGHT_LINE | ESCALATING | AMORTIZE | INTEREST_ONLY | FIRST_PAYMENT | GRACE | CFADS | INCLUDES
    | IMPORT | LOAN | OBLIGOR | TRIPS | CURES | AFTER | SWEEP | YEARLY
    | FLEET | DELIVERIES | UNITS | UNIT_COST | DEPRECIATE | DECLINING | POWER | PUE | POWER_PRICE
    | MAINTENANCE | IDLE_COST | MARKET_VALUE | DEPTH | IMPACT | LIMIT | COSTS | MONTH | GENERATION
    | KEEP | CONTRACTS | RESERVE | ALL | IDLE | HALF_LIFE
    | INDEX | POINTS | STEPPED | INTERPOLATED | LAUNCH | DOWN | SHIFT
    | PIK | ISSUE_PRICE | COMMITMENT | AVAILABLE | DRAWS | COMMITMENT_FEE | STEP_UP | TARGET_BALANCE | MARGIN | GRID | BELOW | UNPAID
    | AGAINST | ADVANCE | INVESTMENT_GRADE
    | SEQUENTIAL | ACCELERATE | CURE | UP | TIMES | PREPAYING | INTO
    | CONTRACT | CUSTOMER | PRICE | TAKE_OR_PAY | UTILISATION | RELET | TERMINATION_FEE | AMORTISING
    | PREPAYMENT | APPLIED
    | HOLDINGS | HASHRATE | NETWORK | REWARDS | COVER
    | CONVERTIBLE | EARLY | ABOVE | COMPLETION | DELAYED | PHASED | INDEXED
    | PATHS | SEED | ANTITHETIC | SOBOL | GBM | DRIFT | VOLATILITY | REVERTS | TREND | SPEED | JUMPS | CORRELATE | WITH
    | STRESS | REGIMES | NORMAL | DRAWN | LOADING | BETA | MEAN | SD | SUBJECT
    | HOLDING | SHARE | FACE | MARK | PAR
    | GUARANTOR | COVERS | HONOURED | DISOWNED | SUBROGATED
    | HURDLE | CARRY | CATCH_UP | CALLS | CALLED | DEAL_BY_DEAL
    | DISCOUNT | GROW
    | ACCRUING | INSTALMENTS | DEFAULT_INTEREST | PERIODS
    | BREAK_OPTION | BREAKS | NOTICE
    | WORKOUT | YIELD | RESET | CURVE
    | ARREARS | CAPITALISED
    | REPAID | REMARKETING
    ;

// ---------------------------------------------------------------- lexer

DEAL          : 'deal';
SCENARIO      : 'scenario';
IMPORT        : 'import';
FOR           : 'for';
TITLE         : 'title';
CURRENCY      : 'currency';
CLOSING       : 'closing';
MATURITY      : 'maturity';
FIRST_PAYMENT : 'first_payment';
PAY           : 'pay';
DAYCOUNT_KW   : 'daycount';
BUSINESS_DAYS : 'business_days';
HOLIDAYS      : 'holidays';
PARTY         : 'party';
INDEX         : 'index';
POINTS        : 'points';
STEPPED       : 'stepped';
INTERPOLATED  : 'interpolated';
LAUNCH        : 'launch';
DOWN          : 'down';
SHIFT         : 'shift';
PATHS         : 'paths';
SEED          : 'seed';
ANTITHETIC    : 'antithetic';
SOBOL         : 'sobol';
GBM           : 'gbm';
DRIFT         : 'drift';
VOLATILITY    : 'volatility';
REVERTS       : 'reverts';
TREND         : 'trend';
SPEED         : 'speed';
JUMPS         : 'jumps';
CORRELATE     : 'correlate';
WITH          : 'with';
STRESS        : 'stress';
REGIMES       : 'regimes';
NORMAL        : 'normal';
DRAWN         : 'drawn';
LOADING       : 'loading';
BETA          : 'beta';
MEAN          : 'mean';
SD            : 'sd';
RATING        : 'rating';
PD            : 'pd';
RECOVERY      : 'recovery';
FACILITY      : 'facility';
COST          : 'cost';
VALUE         : 'value';
STRAIGHT_LINE : 'straight_line';
FLOOR         : 'floor';
FROM          : 'from';
SCHEDULE      : 'schedule';
LEASE         : 'lease';
ON            : 'on';
LESSEE        : 'lessee';
RENT          : 'rent';
ESCALATING    : 'escalating';
STARTS        : 'starts';
TERM          : 'term';
RENEWALS      : 'renewals';
RENEWAL       : 'renewal';
X             : 'x';
AT            : 'at';
OPTION        : 'option';
MARKET        : 'market';
RVG           : 'rvg';
GUARANTOR     : 'guarantor';
COVERS        : 'covers';
SUBROGATED    : 'subrogated';
HONOURED      : 'honoured';
DISOWNED      : 'disowned';
GUARANTEES    : 'guarantees';
CAP           : 'cap';
UNTIL         : 'until';
LOAN          : 'loan';
OBLIGOR       : 'obligor';
FLEET         : 'fleet';
DELIVERIES    : 'deliveries';
UNITS         : 'units';
UNIT_COST     : 'unit_cost';
DEPRECIATE    : 'depreciate';
DECLINING     : 'declining';
POWER_PRICE   : 'power_price';
POWER         : 'power';
PUE           : 'pue';
MAINTENANCE   : 'maintenance';
IDLE_COST     : 'idle_cost';
MARKET_VALUE  : 'market_value';
GENERATION    : 'generation';
CONTRACT      : 'contract';
CUSTOMER      : 'customer';
PRICE         : 'price';
TAKE_OR_PAY   : 'take_or_pay';
UTILISATION   : 'utilisation';
RELET         : 'relet';
RISING        : 'rising';
IDLE          : 'idle';
TERMINATION_FEE : 'termination_fee';
BREAK_OPTION  : 'break_option';
BREAKS        : 'breaks';
NOTICE        : 'notice';
AMORTISING    : 'amortising';
PREPAYMENT    : 'prepayment';
APPLIED       : 'applied';
DEPTH         : 'depth';
IMPACT        : 'impact';
LIMIT         : 'limit';
COSTS         : 'costs';
KEEP          : 'keep';
CONTRACTS     : 'contracts';
RESERVE       : 'reserve';
HALF_LIFE     : 'half_life';
ALL           : 'all';
MONTH         : 'month';
TRANCHE       : 'tranche';
BALANCE       : 'balance';
COUPON        : 'coupon';
FIXED         : 'fixed';
INTEREST_ONLY : 'interest_only';
INTEREST      : 'interest';
PRINCIPAL     : 'principal';
AMORTIZE      : 'amortize';
BULLET        : 'bullet';
LEVEL         : 'level';
LINEAR        : 'linear';
SENIORITY     : 'seniority';
EQUITY        : 'equity';
CONTRIBUTED   : 'contributed';
HOLDERS       : 'holders';
ACCOUNT       : 'account';
TARGET        : 'target';
INITIAL       : 'initial';
EARNS         : 'earns';
FEE           : 'fee';
TEST          : 'test';
OVER          : 'over';
ARREARS       : 'arrears';
CAPITALISED   : 'capitalised';
REPAID        : 'repaid';
TRAILING      : 'trailing';
NEXT          : 'next';
TRIGGER       : 'trigger';
TRIPS         : 'trips';
CURES         : 'cures';
AFTER         : 'after';
ACCRUING      : 'accruing';
INSTALMENTS   : 'instalments' | 'instalment';
PERIODS       : 'periods' | 'period';
DEFAULT_INTEREST : 'default_interest';
WHEN          : 'when';
DEFAULT       : 'default';
GRACE         : 'grace';
CFADS         : 'cfads';
INCLUDES      : 'includes';
WATERFALL     : 'waterfall';
USING         : 'using';
FILL          : 'fill';
RELEASE       : 'release';
HOLD          : 'hold';
REST          : 'rest';
IN            : 'in';
DISTRIBUTE    : 'distribute';
SWEEP         : 'sweep';
PRO_RATA      : 'pro_rata';
SEQUENTIAL    : 'sequential';
ACCELERATE    : 'accelerate';
CURE          : 'cure';
UP            : 'up';
TIMES         : 'times';
PREPAYING     : 'prepaying';
INTO          : 'into';
TO            : 'to';
PAYS          : 'pays';
HURDLE        : 'hurdle';
CARRY         : 'carry';
CATCH_UP      : 'catch_up';
CALLS         : 'calls';
CALLED        : 'called';
// A convertible's partial hard call ('part 50%') and partial conversion ('Converts converts 60%').
PART          : 'part';
CONVERTS      : 'converts';
DEAL_BY_DEAL  : 'deal_by_deal';
IF            : 'if';
ELSE          : 'else';
THEN          : 'then';
ENFORCEMENT   : 'enforcement';
SELL          : 'sell';
HAIRCUT       : 'haircut';
LAG           : 'lag';
TAKEN         : 'taken';
DEFLATE       : 'deflate';
GROW          : 'grow';
DROP          : 'drop';
BY            : 'by';
DEFAULTS      : 'defaults';
PER           : 'per';
GPU           : 'gpu' | 'gpus';
GPU_HOUR      : 'gpu_hour' | 'gpu_hours';
HOUR          : 'hour' | 'hours';
KW            : 'kW';
MW            : 'MW';
KWH           : 'kWh';
MWH           : 'MWh';
COIN          : 'coin';
COINS         : 'coins';
EH_S          : 'EH/s';
DAY           : 'day' | 'days';
SHARE         : 'share' | 'shares';
YEAR          : 'year';
OF            : 'of';
AND           : 'and';
OR            : 'or';
NOT           : 'not';
// A tranche's less common items, last, so "expected one of" lists its everyday items first.
PIK           : 'pik';
ISSUE_PRICE   : 'issue_price';
COMMITMENT    : 'commitment';
AVAILABLE     : 'available';
DRAWS         : 'draws';
COMMITMENT_FEE : 'commitment_fee';
STEP_UP       : 'step_up';
TARGET_BALANCE : 'target_balance';
MARGIN        : 'margin';
GRID          : 'grid';
BELOW         : 'below';
UNPAID        : 'unpaid';
AGAINST       : 'against';
ADVANCE       : 'advance';
REMARKETING   : 'remarketing';
INVESTMENT_GRADE : 'investment_grade';
WHILE         : 'while';
// A holding of another entity's tranche or equity.
HOLDING       : 'holding';
FACE          : 'face';
MARK          : 'mark';
// A holding's sale discount to its mark (a forced sale: docs/language.md §5 "holding").
DISCOUNT      : 'discount';
PAR           : 'par';
// The coins' items and the coin sale step.
HOLDINGS      : 'holdings';
HASHRATE      : 'hashrate';
NETWORK       : 'network';
REWARDS       : 'rewards';
COVER         : 'cover';
// A convertible tranche, amortisation as buildings are completed, and an index's points delayed.
CONVERTIBLE   : 'convertible';
EARLY         : 'early';
ABOVE         : 'above';
// A convertible's holder put and issuer's provisional call ('put 2029-12-01 at 100%', 'call from 2028-12-01 above 130%').
PUT           : 'put';
CALL          : 'call';
// A tranche's call schedule and its make-whole rate ('callable from 2027-06-01 at 104.625% ... make_whole UST5Y + 50bp').
CALLABLE      : 'callable';
MAKE_WHOLE    : 'make_whole';
CURVE         : 'curve';
COMPLETION    : 'completion';
DELAYED       : 'delayed';
PHASED        : 'phased';
// A lease's rent indexed to an index's level ('rent 100m per year indexed CPI').
INDEXED       : 'indexed';
// An indexed rent reset on the lease's anniversaries only ('indexed CPI yearly').
YEARLY        : 'yearly';
// A loan's workout lag drawn per path ('Obligor workout drawn 6m with 30%, 18m with 70%').
WORKOUT       : 'workout';
// A loan sold in enforcement at a yield ('sell LoanA price yield 14%').
YIELD         : 'yield';
// A convertible's conversion price reset ('reset 2027-06-01 to 110% floor 8.00 per share').
RESET         : 'reset';
// An enforcement sale of a leased facility subject to its lease ('sell Campus haircut 20% lag 6m subject to lease').
SUBJECT       : 'subject';

LBRACE : '{';
RBRACE : '}';
LPAREN : '(';
RPAREN : ')';
COMMA  : ',';
DOT    : '.';
ARROW  : '=>';
ASSIGN : '=';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
LE     : '<=';
GE     : '>=';
LT     : '<';
GT     : '>';
EQ     : '==';
NE     : '!=';

// 30/360, 30E/360, ACT/360, ACT/365F, ACT/ACT; which pairs are valid is checked later (DL0201).
DAYCOUNT : ('30' | '30E' | 'ACT') '/' ('360' | '365' | '365F' | 'ACT');

DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;

// A number with a unit suffix: 27.3bn, 450m, 6.581%, 225bp, 1.10x, 4y, 6m, 90d.
// Which suffixes exist, and what 'm' means where, is decided when the tree is built (DL0102).
QUANTITY : DIGITS ('.' DIGITS)? ([a-zA-Z]+ | '%');

NUMBER : DIGITS ('.' DIGITS)?;

STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"';

// A string not closed on its line: one token to the end of the line, which the parser rejects, so the words after
// the quote are not read as names or keywords (a title "Mini warehouse loan would otherwise open a loan).
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ["\\])*;

IDENT : [a-zA-Z_] [a-zA-Z_0-9]*;

// A name with a letter outside ASCII (Ünï, Café): one token, so that it is one error saying what names may hold
// (DL0131) rather than an error per character and the name cut in pieces. Pure ASCII names are IDENT (same
// length, and IDENT comes first). It starts with a letter (\p{L}) or _ and goes on with letters, marks (\p{M}),
// numbers (\p{N}) and _. Outside ASCII the character's Unicode category is asked of .NET (DealLangLexer.Names.cs)
// rather than written as \p{...} sets here: those sets are a thousand ranges, and reading them back from the
// serialized lexer cost every process about 35 ms before its first token.
NON_ASCII_NAME : NameStart NamePart*;
fragment NameStart : [a-zA-Z_] | [\u0080-\uFFFF] {IsNameStart(InputStream.LA(-1))}?;
fragment NamePart  : [a-zA-Z_0-9] | [\u0080-\uFFFF] {IsNamePart(InputStream.LA(-1))}?;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// A '/*' never closed runs to the end of the file: one token, reported as DL0132 where it starts. Its text
// holds no '*/', so it never wins over a BLOCK_COMMENT by being longer.
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF -> channel(HIDDEN);
WS            : [ \t\r\n]+ -> channel(HIDDEN);

// Anything else becomes one token the parser rejects, so the error names the character.
UNEXPECTED_CHAR : .;

fragment DIGITS : DIGIT (DIGIT | '_')*;
fragment DIGIT  : [0-9];
