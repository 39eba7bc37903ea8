"""Symbolic comparison: each drift type is found, and same-meaning rewordings are not flagged."""

from __future__ import annotations

import pytest

from msgcheck.compare import compare, quantities

VERSUS = ("Tabula BI", "Querybase")


def kinds(claim: str, approved: str, versus: tuple[str, ...] = ()) -> list[str]:
    return [d.kind for d in compare(claim, approved, competitors=VERSUS, versus=versus)]


def _listed(expected: str | tuple[str, ...]) -> list[str]:
    """A case's expected kinds, exactly: one kind, or every kind in the order compare() finds them."""
    return [expected] if isinstance(expected, str) else list(expected)


def test_quantities_read_units_words_money_and_hedges() -> None:
    qs = quantities("Up to 30% better, 3x faster, $2M saved, five seconds, 1.5k stores, in under an hour")
    got = {(q.dimension, q.value, q.hedge) for q in qs}
    assert ("percent", 30.0, "upto") in got
    assert ("multiplier", 3.0, None) in got
    assert ("money:USD", 2_000_000.0, None) in got
    assert ("duration", 5.0, None) in got
    assert ("count", 1500.0, None) in got
    assert ("duration", 3600.0, "under") in got


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Dashboards refresh every 30 seconds.", "Dashboards refresh every 5 seconds.", "number"),
        ("Dashboards refresh every second.", "Dashboards refresh every 5 seconds.", "number"),
        ("Connect your POS in under a day.", "Connect your point-of-sale system in under an hour.", "unit"),
        ("Forecasts are 3x more accurate.", "Forecasts are up to 30% more accurate.", "percent_vs_multiplier"),
        ("Stores cut stockouts by 25%.", "Stores reduce stockouts by up to 25%.", "hedge"),
        ("Guaranteed: stores reduce stockouts by up to 25%.", "Stores reduce stockouts by up to 25%.", "absolute"),
        ("Store managers need SQL to build reports.", "Store managers build reports without SQL.", "negation"),
        ("Alerts reach the team after the shelf is empty.", "Alerts reach the team before the shelf is empty.", "reversal"),
        ("Priced per user, not per store.", "Priced per store, not per user.", ("reversal", "reversal")),
        ("Unlike Looker, managers build reports without SQL.", "Managers build reports without SQL.", "competitor"),
        ("Unlike Querybase, our app works offline.", "The app works offline.", "competitor"),
        ("One store manager can build reports.", "Every store manager can build reports.", "scope"),
    ],
)
def test_each_drift_type_is_found(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    versus = ("Tabula BI",) if "Querybase" in claim else VERSUS if "Looker" in claim else ()
    assert kinds(claim, approved, versus) == _listed(expected)


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Our dashboards update every five seconds.", "Dashboards refresh every 5 seconds."),
        ("Support replies within four business hours.", "Support answers within 4 business hours."),
        ("Reporting dropped from 12 hours a week to 2.", "Retailers cut weekly reporting work from 12 hours to 2."),
        ("Unlike Tabula BI, managers build reports with no SQL.", "Managers build reports without SQL."),
        ("You can be live in less than an hour.", "Connect your point-of-sale system in under an hour."),
    ],
)
def test_same_meaning_is_not_flagged(claim: str, approved: str) -> None:
    assert compare(claim, approved, competitors=VERSUS, versus=VERSUS) == []


def test_reason_says_exactly_what_differs() -> None:
    (d,) = compare("Forecasts are 90% accurate.", "Forecasts are 70% accurate.")
    assert d.reason == "90% where the platform says 70%"


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Our support team resets passwords for you.", "You reset passwords yourself in seconds.", "roles"),
        ("The app alerts your suppliers when stock runs low.", "The app alerts store managers when stock runs low.",
         "roles"),
        ("Reports are encrypted on the Premium plan.", "Reports are encrypted at rest.", "scope"),
        ("Only admins can export reports.", "Anyone on the team can export reports.", "scope"),
        ("Ships with 12 Salesforce connectors.", "Ships with 12 CRM connectors.", "scope"),
        ("Priced per department, not per user.", "Priced per store, not per user.", "scope"),
        ("Orders over $100 ship free.", "Every order ships free.", "scope"),
        ("Each card gets the same limit.", "Each card has its own limit.", "reversal"),
        ("Cut downtime by a factor of 3.", "Cut downtime by up to 30%.", "percent_vs_multiplier"),
        ("Payments land the next business week.", "Payments land the next business day.", "unit"),
        ("Sensors need an electrician to install.", "Sensors need no cables or electrician.", "negation"),
        ("The app stops working offline.", "The app keeps working offline.", "reversal"),
        ("Refunds are free unless you cancel late.", "Refunds are free.", "scope"),
        ("Your team warns the sensor before a failure.", "The sensor warns your team before a failure.", "roles"),
        # who sends and who receives, across different verbs
        ("Cashiers send refund requests to the bank.", "Refund requests reach your cashiers within a day.", "roles"),
        ("Your engineers alert the gateway when a machine fails.", "The gateway warns your engineers first.", "roles"),
        ("Your suppliers get paid within a day of every order.", "Get paid within a day of every order.", "roles"),
        ("Our engineers connect your till for you in an hour.", "Connect your till in under an hour.", "roles"),
    ],
)
def test_scope_roles_and_reversals_are_found(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("A person picks up within a couple of minutes, any day of the week.",
         "A person answers in under 2 minutes, 7 days a week."),
        ("Zero account fees each month.", "Never pay a monthly account fee."),
        ("Store teams get low-stock alerts before shelves run empty.",
         "Low-stock alerts reach the store team before the shelf is empty."),
        ("You get paid the day after each card sale.", "Get paid the next day after every card sale."),
        ("Retailers connect their tills in under an hour.", "Connect your tills in under an hour."),
        ("Receipts sync automatically, so nobody re-keys them.", "Receipts sync automatically, so you never re-key them."),
        ("One price per location, so the whole team gets access.", "Priced per store, so the whole team can use it."),
        ("Connect your POS system in under an hour.", "Connect your point-of-sale system in under an hour."),
        ("Store managers build their own reports.", "Every store manager builds their own reports."),
        ("Customers reduce stockouts by up to 25%.", "Stores using Lumen Pulse reduce stockouts by up to 25%."),
        ("We ship 40 connectors.", "Lumen Pulse ships 40 connectors."),
        ("Each battery lasts as long as five years.", "Each battery lasts up to 5 years."),
        # a number word inside a quantity measures; it does not narrow the scope
        ("Money from card sales arrives one business day later.", "Get paid the next business day after every card sale."),
        ("Store figures are at most five seconds old.", "Every store sees figures up to 5 seconds old."),
    ],
)
def test_rewordings_of_scope_and_frequency_are_not_flagged(claim: str, approved: str) -> None:
    assert compare(claim, approved, own_names=("Lumen Pulse", "Lumen")) == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("One gateway covers up to 100 sensors over 500 feet.", "One gateway connects up to 100 sensors across 500 metres.",
         "unit"),
        ("Sensors work from -40 °F to 85 °F.", "Sensors work from -40 °C to 85 °C.", "unit"),
        ("A gateway reaches 800 m indoors.", "A gateway reaches 500 metres indoors.", "number"),
    ],
)
def test_lengths_and_temperatures_are_compared_in_one_unit(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


def test_the_same_length_in_other_units_is_no_difference() -> None:
    assert compare("A gateway handles as many as a hundred sensors over half a kilometre.",
                   "A gateway connects up to 100 sensors across 500 metres.") == []
    assert compare("Rated down to -40 °C.", "Works from -40 °C to 85 °C.") == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Exporting readings is a paid add-on.", "Readings export to your CMMS at no extra cost.", "reversal"),
        ("Opening an account means a trip to a branch.", "Open an account online in about 10 minutes.", "reversal"),
        ("Gateways must be wired to the network.", "Gateways are wireless and need no cables.", "reversal"),
        ("Data is stored unencrypted on our servers.", "Your data is encrypted at rest and in transit.", "negation"),
        ("Same-day ACH transfers to US vendors cost nothing.", "International transfers are free.", "reversal"),
    ],
)
def test_opposite_ideas_and_prefix_negation(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Exports to your CMMS cost nothing extra.", "Readings export to your CMMS at no extra cost."),
        ("The account comes with free accounting software.", "The account that gets you paid faster."),
        ("Open your account from your phone in about ten minutes.", "Open an account online in about 10 minutes."),
        ("Our unrivalled dashboards refresh every 5 seconds.", "Dashboards refresh every 5 seconds."),
    ],
)
def test_same_idea_in_other_words_is_no_difference(claim: str, approved: str) -> None:
    assert compare(claim, approved) == []


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("No monthly fee for your first twelve months.", "Never pay a monthly account fee."),
        ("Phones are staffed Monday to Friday; a person answers in 2 minutes.", "A person answers in 2 minutes, 7 days a week."),
        ("Enterprise customers get an answer within 4 hours.", "Support answers within 4 hours."),
        ("Managers in our flagship stores build their own reports.", "Store managers build their own reports."),
    ],
)
def test_segments_time_limits_and_office_hours_narrow_the_scope(claim: str, approved: str) -> None:
    assert "scope" in kinds(claim, approved)


def test_a_segment_the_platform_names_is_no_narrowing() -> None:
    assert compare("Enterprise customers get a named account manager.", "Enterprise customers get a named account manager.") == []
    assert compare("Get help any time: we answer 7 days a week.", "A person answers 7 days a week.") == []


def test_what_a_price_is_per() -> None:
    from msgcheck.compare import bases

    assert bases("You pay by location, not by login.") == (frozenset({"branch"}), frozenset({"employee"}))
    assert bases("Billed by the hour.") == (frozenset(), frozenset())  # time is not a pricing basis here
    assert "reversal" in kinds("Licences are per seat.", "Priced per store, not per user.")
    assert compare("One price per location, whoever logs in.", "Priced per store, not per user.") == []
    # a paid seat for every person is a price per user
    assert bases("Every person who logs in needs their own paid seat.") == (frozenset({"employee"}), frozenset())
    assert bases("Every person who logs in sees the same dashboards.") == (frozenset(), frozenset())
    assert bases("Every extra user you add bumps up the bill.") == (frozenset({"employee"}), frozenset())
    # priced per what the platform says it is not priced per: the opposite of the wording
    assert kinds("Every seat is billed separately.", "Priced per store, not per user.") == ["reversal"]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Fernway pulls every transaction out of your QuickBooks.", "Every transaction syncs to QuickBooks.", "reversal"),
        ("Add payment links and you'll pay your suppliers up to 2x faster.",
         "Businesses that add payment links to invoices get paid up to 2x faster.", ("roles", "reversal")),
        ("Clients pay twice as fast with a payment link.", "Invoices with a payment link get paid up to 2x faster.", "hedge"),
    ],
)
def test_direction_who_pays_and_twice(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


def test_same_direction_and_twice_as_two_x() -> None:
    assert compare("Transactions flow into QuickBooks by themselves.", "Every transaction syncs to QuickBooks automatically.") == []
    assert compare("Get paid up to twice as fast.", "Get paid up to 2x faster.") == []
    assert [q.dimension for q in quantities("Sync twice a day.")] == ["count", "duration"]  # a frequency, not 2x


def test_period_of_a_figure_and_work_moved_to_the_customer() -> None:
    assert "unit" in kinds("Reporting that took twelve hours a month now takes two.",
                           "Retailers cut weekly reporting work from 12 hours to 2.")
    assert compare("A person answers in under 2 minutes, 7 days a week.",
                   "A person answers in under two minutes, every day.") == []
    assert "unit" not in kinds("Interest is calculated daily.", "Interest is paid monthly at 4% APY.")  # another event
    assert "unit" in kinds("Interest is paid out once a year.", "Interest is paid monthly.")  # the same event
    assert "roles" in kinds("Each night your planning team retrains the forecasts.",
                            "Forecasts are retrained every night on the latest sales.")
    assert compare("Forecasts retrain every night on your latest sales.",
                   "Forecasts are retrained every night on the latest sales.") == []


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Add sensors whenever you like; you pay one subscription per plant, so the bill doesn't grow with the sensor count.",
         "Priced per plant, not per sensor, so adding sensors never raises your subscription."),
        ("Your own technician changes the battery in seconds, and nothing goes back to the factory.",
         "Technicians swap the battery on site in seconds, without sending the sensor back to the factory."),
        ("Your bookkeeper has nothing to type in by hand.", "Every transaction syncs automatically."),
        ("Most shops see their own numbers the same afternoon.", "Most retailers are live the same afternoon."),
        ("Clients settle in about half the time.", "Invoices with payment links get paid about 2x faster."),
    ],
)
def test_restated_negations_and_words_in_another_sense_are_no_difference(claim: str, approved: str) -> None:
    assert compare(claim, approved) == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Every sensor you add bumps up your subscription.",
         "Priced per plant, so adding sensors never raises your subscription.", "negation"),
        ("Each card gets the same limit.", "Each card has its own limit.", "reversal"),
        ("Domestic transfers are free.", "International transfers are free.", ("scope", "reversal")),
        ("Sensors survive any environment.", "Sensors survive washdowns and dust.", "absolute"),
        ("You'll never pay a single fee of any kind.", "No monthly fees and no minimum balance.", "absolute"),
    ],
)
def test_differences_that_stay_found(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


def test_a_figure_the_wording_does_not_state_is_reported() -> None:
    assert kinds("Our forecasts look up to 18 months ahead.", "Forecasts are up to 30% more accurate.") == ["added_figure"]
    assert "added_figure" not in kinds("Forecasts beat spreadsheets by 1.3x.", "Forecasts are up to 30% more accurate.")
    # a bare "two" ties no figure: neither an added figure nor "Two where the platform says up to 30%"
    assert kinds("Two teams, one view.", "Forecasts are up to 30% more accurate.") == []


def test_a_claim_that_drops_the_platforms_qualifier_widens_the_scope() -> None:
    assert "scope" in kinds("Plants cut all downtime, planned and unplanned, by up to 40%.",
                            "Plants cut unplanned downtime by up to 40%.")
    assert "scope" in kinds("Everything in the app (web, desktop and mobile) keeps running offline.",
                            "The mobile app keeps working offline.")
    assert compare("All your unplanned downtime drops by up to 40%.", "Plants cut unplanned downtime by up to 40%.") == []
    assert compare("A human picks up within 2 minutes, any day of the week.",
                   "A real person answers in under 2 minutes, 7 days a week.") == []


def test_what_a_count_counts_swapped_with_another_thing_the_wording_names() -> None:
    assert "roles" in kinds("Each sensor can link to as many as 100 gateways.", "One gateway connects up to 100 sensors.")
    assert compare("A gateway handles up to 100 devices.", "One gateway connects up to 100 sensors.") == []  # a synonym


def test_a_service_done_for_the_customer_where_the_platform_has_them_do_it() -> None:
    assert "roles" in kinds("We decide each card's spending limit for you.", "Each card has its own spending limit that you set.")
    assert compare("Set each card's limit yourself.", "Each card has its own spending limit that you set.") == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Your historian sends its readings into Keel through our API.", "Your readings export to any historian through an open API.",
         ("scope", "reversal")),
        ("The gateway analyses the vibration, so each sensor passes on raw readings.",
         "The sensor analyses vibration itself, so only alerts travel over the network.", "roles"),
        ("The sensors push their data out over Wi-Fi or LTE.", "A gateway sends data over Wi-Fi, Ethernet or LTE.", "roles"),
        # the second of two places ("to any historian or CMMS") is a destination too
        ("Pull work orders from your CMMS into Keel through our open API.",
         "Your readings export to any historian or CMMS through an open API.", ("scope", "reversal")),
    ],
)
def test_who_sends_and_which_device_does_it(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


def test_comparisons_turned_round_and_prices_for_each_user() -> None:
    assert "roles" in kinds("In tests, spreadsheet planning came out 30% more accurate than the demand forecasts.",
                            "Demand forecasts are up to 30% more accurate than spreadsheet planning.")
    assert compare("Our forecasts are up to 30% more accurate than spreadsheets.",
                   "Demand forecasts are up to 30% more accurate than spreadsheet planning.") == []
    assert "reversal" in kinds("It charges for every user who logs in.", "Priced per store, not per user.")
    assert compare("You pay for each store rather than each login.", "Priced per store, not per user.") == []


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("If you run Square, hooking it up takes under an hour; other point-of-sale systems need a longer project.",
         "Connect your point-of-sale system in under an hour."),
        ("Five-second refresh is an Enterprise-plan feature.", "Dashboards refresh every 5 seconds."),
        ("The outdoor model works from -40 °C to 85 °C.", "Sensors work from -40 °C to 85 °C."),
        ("The warranty applies to sensors bought directly from us.", "Every sensor comes with a 3-year warranty."),
    ],
)
def test_exceptions_plans_models_and_applies_to_narrow_the_scope(claim: str, approved: str) -> None:
    assert "scope" in kinds(claim, approved)


def test_hedges_and_the_platforms_own_names_are_no_difference() -> None:
    assert compare("The screen lags the registers by five seconds at most.", "Dashboards refresh every 5 seconds.") == []
    assert compare("Independent auditors check us against SOC 2 Type II.", "We are audited under SOC 2 Type II.") == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Fernway pays your suppliers the next business day.", "Get paid the next business day.", "roles"),
        ("Our bookkeeping team types every receipt into QuickBooks for you.",
         "Every transaction syncs to QuickBooks automatically, so your accountant never re-keys a receipt.", "reversal"),
        ("The gateway does the vibration analysis, so each sensor streams raw data.",
         "The sensor analyses vibration itself.", "roles"),
        ("Your bill follows the number of sensors rather than the number of sites.", "Priced per plant, not per sensor.",
         ("reversal", "negation")),
        ("Alerts typically reach the team once a bearing has already gone.",
         "Alerts arrive on average 3 weeks before a bearing fails.", "reversal"),
        ("Our services team builds every custom report your store managers ask for.",
         "Store managers build their own reports without SQL.", "roles"),
    ],
)
def test_who_does_the_work_and_when(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


def test_a_quarter_less_is_25_percent() -> None:
    assert compare("Empty shelves happen up to a quarter less often.", "Stores reduce stockouts by up to 25%.") == []


def test_business_forms_their_first_months_and_indoors_or_out() -> None:
    assert "scope" in kinds("Sole traders can open an account in ten minutes.", "Open an account online in about 10 minutes.")
    assert "scope" in kinds("New customers pay no monthly fee for their first twelve months.", "No monthly fees, ever.")
    assert "scope" in kinds("A gateway links 100 sensors across 500 metres, indoors or out.",
                            "A gateway connects up to 100 sensors across 500 metres indoors.")


def test_rather_than_sets_one_word_aside_and_the_cloud_is_a_party() -> None:
    assert compare("Your network carries alerts rather than raw vibration data.",
                   "The sensor analyses vibration itself, so only alerts travel over the network.") == []
    assert "negation" in kinds("Payments are converted at our own rate rather than the mid-market one.",
                               "Pay suppliers at the mid-market rate plus a flat fee.")
    assert "roles" in kinds("Sensors stream raw data and our cloud does the analysis.",
                            "The sensor analyses vibration on the sensor itself.")


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Sub-zero cold rooms don't stop these sensors.", "The sensors survive washdowns, dust and freezing cold stores."),
        ("Nobody on the team writes a line of code.", "Anyone on the store team can build a report, no code needed."),
        ("Balances as high as $250,000 are FDIC insured.", "Deposits are FDIC insured up to $250,000."),
        ("The phone app carries on, and everything catches up once the connection returns.",
         "The mobile app keeps working offline and syncs when the store is back online."),
        ("Our support team answers within four business hours.", "Support answers within 4 business hours."),
    ],
)
def test_double_negatives_restated_denials_and_hedges_are_no_difference(claim: str, approved: str) -> None:
    assert compare(claim, approved) == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Each employee decides the spending limit on their own card.", "Each card has a spending limit that you set.", "roles"),
        ("Your bookkeeper copies each transaction into Xero.", "Every transaction syncs to Xero automatically.", "reversal"),
        ("Pay your suppliers' invoices up to twice as fast.", "Businesses that add payment links get paid up to 2x faster.",
         ("roles", "reversal")),
        ("Your store team flags low stock to the app.", "Low-stock alerts reach the store team.", "roles"),
        ("Our services team puts together every report.", "Anyone on the store team can build a report.", "roles"),
        ("No monthly fees during your first year.", "No monthly fees and no minimum balance.", "scope"),
        ("Card purchases sync automatically, while transfers still need a manual export.", "Every transaction syncs automatically.",
         "scope"),
        ("Balances above $10,000 earn up to 3.2% APY.", "Earn up to 3.2% APY on your savings.", "scope"),
    ],
)
def test_who_decides_copies_pays_and_builds_and_new_limits(claim: str, approved: str, expected: str | tuple[str, ...]) -> None:
    assert kinds(claim, approved) == _listed(expected)


@pytest.mark.parametrize(
    "claim",
    [
        "Bring your own forecasting models and we'll run them.",
        "Customers upload their own forecasting models.",
        "The forecasting models are written by your data science team.",
    ],
)
def test_who_supplies_what_the_product_comes_with(claim: str) -> None:
    assert kinds(claim, "The product comes with forecasting models built for retail.") == ["roles"]


def test_the_product_supplying_it_is_not_a_change_of_provider() -> None:
    approved = "The product ships with 40 ready-made connectors."
    assert kinds("Forty connectors come ready to use.", approved) == []
    assert kinds("Every connector is built by our own engineers.", approved) == []
    assert kinds("Bring your own dashboards.", approved) == []  # not what the wording provides


@pytest.mark.parametrize(
    "claim, approved",
    [
        # a plan named at the start of the sentence limits it as much as one named later
        ("On the Pro plan, dashboards refresh every 5 seconds.", "Dashboards refresh every 5 seconds."),
        ("On the Fernway Pro plan you can issue as many employee cards as you like.", "Issue unlimited employee cards."),
        ("Savings pots on the Fernway Plus plan earn up to 3.2% APY.", "Earn up to 3.2% APY on money in your savings pot."),
        # things the wording does not name, said to be "included"
        ("Every product, gateways and cables included, carries a 3-year warranty.",
         "Every sensor comes with a 3-year warranty."),
        # "any" for the platform's count of the same thing
        ("Pay suppliers in any currency at the mid-market rate.", "Pay suppliers in 30 currencies at the mid-market rate."),
    ],
)
def test_scope_widened_or_limited_in_other_words(claim: str, approved: str) -> None:
    assert kinds(claim, approved) == ["scope"]


def test_scope_kept_when_the_included_thing_is_named_or_covered() -> None:
    assert kinds("Every plan, Starter included, answers within 4 hours.", "Support answers within 4 hours on every plan.") == []
    assert kinds("Every sensor, battery included, carries a 3-year warranty.",
                 "Every sensor and its battery comes with a 3-year warranty.") == []
    assert kinds("Pay suppliers in any of 30 currencies.", "Pay suppliers in 30 currencies.") == []


def test_no_fee_on_a_thing_says_the_thing_is_free_not_that_it_is_absent() -> None:
    free = "International transfers are free."
    assert kinds("Pay your suppliers abroad without any transfer fee.", free) == []
    assert kinds("Pay your suppliers abroad without spending a cent on transfer fees.", free) == []
    assert kinds("There's zero charge on the international payments you make.", free) == []
    # … and still contradicts a wording that states the fee
    assert kinds("Pay suppliers abroad without any transfer fee.", "Pay suppliers abroad for a flat 0.5% fee.") == ["negation"]
    # the same denial said twice is no difference
    assert kinds("Zero monthly charges.", "No monthly fees and no minimum balance.") == []


def test_the_company_doing_what_a_third_party_does_is_a_roles_difference() -> None:
    approved = "Deposits are FDIC insured up to $250,000 through our partner bank."
    assert kinds("We insure your deposits up to $250,000.", approved) == ["roles"]
    assert kinds("Your deposits are FDIC insured up to $250,000 via our partner bank.", approved) == []
    assert kinds("We insure deposits through our partner bank, up to $250,000.", approved) == []


def test_codes_and_names_with_digits_are_not_figures() -> None:
    assert [q.text for q in quantities("Rated IP68, SOC 2 Type II audited, ISO 27001, a B2B tool, from -40 °C")] == ["-40 °C"]


def test_counts_of_unrelated_things_are_not_compared() -> None:
    approved = "Pay overseas suppliers in 30 currencies."
    assert kinds("Save overseas suppliers as payees so repeat payments take two taps.", approved) == []
    assert kinds("Pay overseas suppliers in 12 currencies.", approved) == ["number"]
    # the same things, named with other modifiers
    assert kinds("We ship 60 ready-made POS connectors.", "We ship 40 ready-made point-of-sale connectors.") == ["number"]


def test_an_optional_accessory_is_a_condition() -> None:
    assert kinds("Sensors are rated IP68 once fitted with the optional protective housing.",
                 "Sensors are rated IP68.") == ["scope"]


def test_a_coordinated_verb_keeps_the_sentence_subject() -> None:
    approved = "The product is SOC 2 certified and encrypts all data at rest and in transit."
    assert kinds("Your IT team encrypts all data at rest and in transit.", approved) == ["roles"]
    assert kinds("We encrypt all data at rest and in transit.", "We are SOC 2 certified and encrypt all data.") == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Hook up any system you run in under an hour.", "Connect your point-of-sale system in under an hour.", ["scope"]),
        ("Call us any day of the week.", "Call us 7 days a week.", []),  # a time, not a narrowed thing
        ("Models built for every industry, from retail to healthcare.", "Models built for retail.", ["scope"]),
        ("Your stores will never run out of stock again.", "Stores reduce stockouts by up to 25%.", ["absolute"]),
        ("Eliminate stockouts.", "Stores reduce stockouts by up to 25%.", ["absolute"]),
        ("Cut stockouts by as much as 25%.", "Stores reduce stockouts by up to 25%.", []),
    ],
)
def test_widened_to_anything_or_promised_as_an_end(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


def test_who_holds_a_certification() -> None:
    approved = "The product is SOC 2 Type II certified and audited every year."
    assert kinds("Using the product makes your business SOC 2 Type II certified.", approved) == ["roles"]
    assert kinds("We audit your stores under SOC 2 Type II every year.", approved) == ["roles"]
    assert kinds("We hold a SOC 2 Type II certification, audited every year.", approved) == []
    assert kinds("Roll it out and your own retail business becomes SOC 2 Type II certified.", approved) == ["roles"]
    assert kinds("Before you upload anything, your stores need their own SOC 2 Type II report.", approved) == ["roles"]
    assert kinds("We hold our own SOC 2 Type II certification, audited every year.", approved) == []


def test_an_online_store_is_a_thing_not_the_online_channel() -> None:
    from msgcheck.compare import ideas

    assert ideas("Open an account online in ten minutes.") == {"online/in person"}
    assert ideas("Your online store's orders show up next to your shops.") == frozenset()


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("A low-stock alert can also raise a purchase order with your distributor.",
         "Low-stock alerts reach the store team before the shelf is empty.", ["added_claim"]),
        ("Each sensor logs surface temperature alongside vibration.", "The sensor analyses vibration on board.",
         ["added_claim"]),
        ("The product also offers a 99.9% uptime SLA.", "The product offers a 99.9% uptime SLA.", []),
        ("Low-stock alerts also reach the store team before shelves empty.",
         "Low-stock alerts reach the store team before the shelf is empty.", []),
    ],
)
def test_something_announced_in_addition(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("On flat steel surfaces, a technician fits a sensor in under 10 minutes.", ["scope"]),
        ("In indoor installations, a technician fits a sensor in under 10 minutes.", ["scope"]),
        ("If your team runs iPads, a technician fits a sensor in under 10 minutes.", ["scope"]),
        ("Running Shopify? Then a technician fits a sensor in under 10 minutes.", ["scope"]),
        ("In under 10 minutes, a technician fits a sensor.", []),  # a figure, not a condition
        ("On every machine, a technician fits a sensor in under 10 minutes.", []),  # all of them
        ("During office hours, a technician fits a sensor in under 10 minutes.", ["scope"]),
        ("Once every machine is cleaned, a technician fits a sensor in under 10 minutes.", ["scope"]),
        ("With no wiring, a technician fits a sensor in under 10 minutes.", []),  # the wording's own words
    ],
)
def test_a_condition_put_before_the_claim(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "A technician fits a sensor in under 10 minutes with no wiring.") == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Sensors bought on an annual plan come with a 3-year warranty.", ["scope"]),
        ("Sensors mounted indoors come with a 3-year warranty.", ["scope"]),
        ("Sensors with a steel housing come with a 3-year warranty.", ["scope"]),
        ("All sensors come with a 3-year warranty.", []),
        ("Gateways bought on an annual plan come with a 3-year warranty.", []),  # another subject: not a narrowing
    ],
)
def test_a_subject_limited_to_some(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Every sensor comes with a 3-year warranty.") == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Our analysts take over your weekly reporting.", "Retailers cut weekly reporting work from 12 hours to 2.", ["roles"]),
        ("One of our engineers connects your point-of-sale system for you.", "Connect your point-of-sale system in an hour.",
         ["roles"]),
        ("Our support team answers within 4 hours.", "Our support team answers within 4 hours.", []),  # the platform's people
        ("Your accountant syncs each transaction into Xero.", "Every transaction syncs to Xero automatically.", ["roles"]),
        ("Your accountant never re-keys a receipt: transactions sync to Xero.",
         "Every transaction syncs to Xero automatically, so your accountant never re-keys a receipt.", []),
        ("Your team builds its own forecasting models.", "The product comes with forecasting models.", ["roles"]),
    ],
)
def test_whose_people_do_the_work(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Money in the savings pot is locked in until the term ends.", "Withdraw from your savings pot any time.", ["reversal"]),
        ("You can take your money out whenever you like.", "Withdraw from your savings pot any time.", []),
        ("All cards share one company-wide limit.", "Each card has its own spending limit.", ["reversal"]),
        ("All employee cards share a single company-wide spending limit.", "Each card has its own spending limit.",
         ["reversal"]),
        ("A flat battery means shipping the sensor back to the factory.",
         "Technicians swap the battery on site, without sending the sensor back.", ["reversal"]),
        ("Batteries are changed at the machine and nothing goes back to the factory.",
         "Technicians swap the battery on site, without sending the sensor back.", []),
        ("Keep the sensors away from washdown areas.", "The sensors survive washdowns and dust.", ["negation"]),
        ("Keep Sentinel sensors out of washdown areas.", "The sensors survive washdowns and dust.", ["negation"]),
    ],
)
def test_opposites_said_in_many_words(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Numbers on screen lag the tills by no more than five seconds.", "Dashboards refresh every 5 seconds."),
        ("The screen is never more than five seconds behind the till.", "Dashboards refresh every 5 seconds."),
        ("Balances are insured to a maximum of $250k.", "Deposits are insured up to $250,000."),
        ("A human picks up within two minutes - weekends included.", "A person answers in under 2 minutes, 7 days a week."),
    ],
)
def test_bounds_said_in_other_words_are_no_difference(claim: str, approved: str) -> None:
    assert kinds(claim, approved) == []


@pytest.mark.parametrize(
    "claim, expected",
    [
        # what the clause is about, not what it needs (the lifetime is a stronger promise, not a denial)
        ("The battery lasts the life of the sensor.", ["absolute"]),
        ("Every sensor needs a new battery each year.", ["negation"]),
        ("Batteries need replacing every year.", ["negation"]),
    ],
)
def test_the_subject_of_a_clause_is_not_asserted_against_a_denial(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Sensors never need a new battery.") == expected


def test_a_thing_said_to_exist_is_asserted() -> None:
    assert kinds("A small monthly fee applies.", "No monthly fees and no minimum balance.") == ["negation"]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Leave your number and we'll call you back within two minutes.", "You reach a real person in under 2 minutes.",
         ["reversal"]),
        ("A real person picks up within two minutes.", "You reach a real person in under 2 minutes.", []),
        ("Use payment links to settle your suppliers' invoices twice as fast.", "Add payment links to invoices and get paid 2x faster.",
         ["reversal"]),
        ("Pay suppliers in the EU and UK at the mid-market rate.", "Pay suppliers in 30 currencies at the mid-market rate.",
         ["scope"]),
        ("Pay suppliers in every currency and at the mid-market rate.", "Pay suppliers in 30 currencies at the mid-market rate.",
         []),
    ],
)
def test_who_calls_who_pays_and_a_few_named_for_many(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("The iPad version of the app keeps working offline.", ["scope"]),
        ("The web dashboards and the mobile app keep working offline.", ["scope"]),
        ("The mobile app, on iOS and Android, keeps working offline.", []),  # every phone: no narrowing
    ],
)
def test_one_device_or_more_than_the_mobile_app(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "The mobile app keeps working offline.") == expected


def test_the_subject_after_a_conjunction_and_things_said_to_exist() -> None:
    denial = "No monthly fees and no minimum balance."
    assert kinds("It costs nothing each month, and your balance can sit at zero.", denial) == []
    assert kinds("A minimum balance is required.", denial) == ["negation"]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("The gateway does the vibration analysis, so only alerts leave the plant.",
         "The sensor analyses vibration on the sensor itself, so only alerts travel.", ["roles", "reversal"]),
        ("Processing happens on the device, so only alerts travel.",
         "The sensor analyses vibration on the sensor itself, so only alerts travel.", []),
        ("As part of onboarding, we run a SOC 2 Type II audit of each retailer.", "We are SOC 2 Type II certified.", ["roles"]),
        ("One of our bankers sets up your account for you in 10 minutes.", "Open an account online in 10 minutes.", ["roles"]),
        ("Plants that put a sensor on every motor cut downtime by up to 40%.", "Plants using sensors cut downtime by up to 40%.",
         ["scope"]),
        ("Plants that use sensors cut downtime by up to 40%.", "Plants using sensors cut downtime by up to 40%.", []),
    ],
)
def test_where_it_runs_who_audits_and_which_plants(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Card transactions sync to Xero automatically.", ["scope"]),
        ("Transactions sync to Xero automatically.", []),
        ("Whichever transaction you make syncs to Xero automatically.", []),
    ],
)
def test_one_kind_where_the_platform_says_every(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Every transaction syncs to Xero automatically.") == expected


def test_a_denied_side_does_not_cancel_the_opposite_idea() -> None:
    assert kinds("All cards share one limit; you can't set limits card by card.", "Each card has its own limit.") == ["reversal"]


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("For most shops, sign-up day and go-live day are the same afternoon.", "Most retailers go live the same afternoon."),
        ("Forget streaming raw waveforms: the sensor sends just the alerts.", "The sensor sends alerts, not raw waveforms."),
        ("Skip the chatbot and the hold queue: a human picks up in two minutes.",
         "No bots and no call queues: a person answers in under two minutes."),
        ("Plants running the sensors cut unplanned downtime by up to forty percent.",
         "Plants using the sensors cut unplanned downtime by up to 40%."),
        ("Our SLA commits to ninety-nine point nine percent uptime.", "We offer a 99.9% uptime SLA."),
        ("Balances are insured up to a quarter of a million dollars.", "Balances are insured up to $250,000."),
        ("International supplier payments use the mid-market rate.", "Overseas supplier payments use the mid-market rate."),
        ("FDIC coverage applies to deposits of up to $250k.", "Deposits are FDIC insured up to $250,000."),
        ("It clamps on with a magnet, so you don't need to run cable.", "Sensors attach with a magnet and need no cables."),
        ("On-device analysis means only alerts, not raw data, cross your network.",
         "On-device analysis means only alerts cross your network, not raw data."),
    ],
)
def test_faithful_rewordings_are_no_difference(claim: str, approved: str) -> None:
    assert kinds(claim, approved) == []


def test_reasons_quote_text_without_gaps_where_names_were() -> None:
    diffs = compare("Businesses that put Fernway payment links on invoices get paid up to 2x faster.",
                    "Businesses that add payment links to invoices get paid up to 2x faster.", own_names=("Fernway",))
    assert diffs and all("  " not in d.reason for d in diffs)


def test_ranges_minus_and_figures_whose_unit_is_written_once() -> None:
    got = [(q.dimension, q.value) for q in quantities("From minus 40 up to 85 degrees Celsius")]
    assert got == [("temperature", -40.0), ("temperature", 85.0)]
    # the second figure of a change takes the first one's unit; "a week" after hours is a rate
    assert [(q.dimension, q.value) for q in quantities("paid in 9 days on average instead of 18")] == \
        [("duration", 9 * 86400.0), ("duration", 18 * 86400.0)]
    assert [(q.dimension, q.value) for q in quantities("used to lose twelve hours a week, now about two.")] == \
        [("duration", 12 * 3600.0), ("duration", 2 * 3600.0)]


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Retailers cut weekly reporting work from 2 hours to 12.", "Retailers cut weekly reporting work from 12 hours to 2."),
        ("Invoices with payment links are paid in 18 days on average instead of 9.",
         "Invoices with payment links are paid in 9 days on average instead of 18."),
    ],
)
def test_a_change_turned_round_is_drift(claim: str, approved: str) -> None:
    assert kinds(claim, approved) == ["number"]


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("From minus 40 up to 85 degrees Celsius, the sensors keep working, and they carry an IP68 rating.",
         "Keel Sentinel sensors are rated IP68 and work from -40 °C to 85 °C."),
        ("Stick a pay link on an invoice and the average wait drops from 18 days to 9.",
         "Invoices with payment links are paid in 9 days on average instead of 18."),
        ("Teams that used to lose twelve hours a week to reporting now spend about two.",
         "Retailers cut weekly reporting work from 12 hours to 2."),
        # "no fee" governs the fee, not every noun after a later "or"
        ("No add-on fee to push sensor readings into whichever historian or CMMS you run.",
         "Your readings export to any historian or CMMS through an open API at no extra cost."),
        # "only alerts" already sets the alternatives aside: naming one is no denial
        ("On-device analysis means only warnings, not raw vibration data, cross your network.",
         "Keel Sentinel analyses vibration on the sensor itself, so only alerts travel over the network."),
        ("The sensor does its analysis on board and sends alerts rather than raw waveforms.",
         "The sensor does the analysis on board and sends alerts, not raw waveforms."),
    ],
)
def test_ranges_changes_and_contrasts_said_another_way_are_no_difference(claim: str, approved: str) -> None:
    assert kinds(claim, approved) == []


@pytest.mark.parametrize(
    "claim, approved, names, expected",
    [
        ("Grocery chains that run Lumen Pulse have reduced stockouts by as much as 25%.",
         "Retailers using Lumen Pulse see up to 25% fewer stockouts.", ("Lumen Pulse", "Lumen"), ["scope"]),
        ("Food and beverage plants that run Keel Sentinel see up to 40% less unplanned downtime.",
         "Plants using Keel Sentinel cut unplanned downtime by up to 40%.", ("Keel Sentinel", "Keel"), ["scope"]),
        # everyone who runs it, in other words: the same scope
        ("Stores running Lumen Pulse see up to 25% fewer stockouts.",
         "Retailers using Lumen Pulse see up to 25% fewer stockouts.", ("Lumen Pulse", "Lumen"), []),
        ("Factories that run Keel Sentinel cut unplanned downtime by up to 40%.",
         "Plants using Keel Sentinel cut unplanned downtime by up to 40%.", ("Keel Sentinel", "Keel"), []),
    ],
)
def test_one_kind_of_customer_where_the_platform_speaks_of_all(claim: str, approved: str, names: tuple[str, ...],
                                                               expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=names)] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        # a denial runs on to the noun that ends its phrase: "never pay a monthly account fee" denies the fee
        ("Drop below the minimum balance and a fee kicks in.",
         "Keep any balance you like and never pay a monthly account fee.", ["negation"]),
        ("Getting their tills hooked into Lumen Pulse is going to take well over an hour.",
         "Connect your point-of-sale system in under an hour.", ["hedge"]),
        # words that say the same act: a denial of one meets the other
        ("Pulse dashboards don't update on their own, so users have to hit reload.",
         "Lumen Pulse dashboards refresh every 5 seconds.", ["negation"]),
        ("You can't take money out of the savings pot whenever you like.",
         "Interest is paid monthly and you can withdraw at any time.", ["negation"]),
        # … and a thing denied by its verb of existence restates the denial
        ("However little or much sits in your account, a monthly account fee never shows up.",
         "Keep any balance you like and never pay a monthly account fee.", []),
    ],
)
def test_denials_reach_the_noun_and_the_same_act_in_other_words(claim: str, approved: str,
                                                                  expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Ship us the faulty sensor within two business days to qualify for a replacement.",
         "Replacement sensors ship within 2 business days.", ["roles"]),
        ("Get the faulty unit back to us within 2 business days and we'll send a replacement.",
         "Replacement sensors ship within 2 business days.", ["roles"]),
        ("The app keeps running when a store goes offline; once you're back up, your IT team pushes the data through by hand.",
         "The mobile app keeps working offline and syncs when the connection returns.", ["roles"]),
        # the customer's own work where the platform says so, or denied: no swap
        ("Store managers put the reports they need together themselves, no SQL.",
         "Store managers build their own reports without SQL.", []),
        ("Each payment flows into Xero or QuickBooks on its own, so your bookkeeper has nothing to type in by hand.",
         "Every card transaction syncs to QuickBooks and Xero automatically.", []),
    ],
)
def test_the_customer_does_what_the_company_or_the_product_does(claim: str, approved: str,
                                                                 expected: list[str]) -> None:
    found = kinds(claim, approved)
    assert "roles" in found if expected else found == []


def test_a_denied_use_of_the_verb_does_not_name_who_does_it() -> None:
    claim = "Your store managers never have to build anything: our analysts put together whatever reports they ask for."
    assert "roles" in kinds(claim, "Store managers build their own reports without SQL.")


def test_data_pushed_the_other_way_with_a_modal_verb() -> None:
    claim = "Your historian or CMMS can push its data into Keel Sentinel through our open API, free of charge."
    approved = "Your readings export to any historian or CMMS through an open API at no extra cost."
    assert "reversal" in kinds(claim, approved)


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Once they've completed our two-day certification course, store managers can build their own reports without SQL.",
         "Store managers build their own reports without SQL.", ["scope"]),
        ("Outside of hazardous zones, your technicians can change a battery on site in seconds.",
         "Technicians swap the battery on site in seconds, without sending the sensor back to the factory.", ["scope"]),
        ("For plants with up to 200 sensors, adding more never raises your subscription.",
         "Keel Sentinel is priced per plant, not per sensor, so adding sensors never raises your subscription.", ["scope"]),
        # a condition the platform states, or a time phrase, is none
        ("Once the connection returns, the mobile app syncs, and it keeps working offline.",
         "The mobile app keeps working offline and syncs when the connection returns.", []),
        ("In under an hour, your point-of-sale system is connected.", "Connect your point-of-sale system in under an hour.", []),
    ],
)
def test_a_leading_condition_or_cap(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Through our open API, your readings flow into SAP PM and IBM Maximo at no extra cost.", ["scope"]),
        ("Our open API exports readings free of charge; SAP PM is the supported CMMS.", ["scope"]),
        ("Readings go to whichever historian or CMMS you run, through an open API, at no extra cost.", []),
    ],
)
def test_particular_ones_named_where_the_platform_says_any(claim: str, expected: list[str]) -> None:
    approved = "Your readings export to any historian or CMMS through an open API at no extra cost."
    assert kinds(claim, approved) == expected


def test_a_name_beside_every_card_sale_is_not_a_narrower_card() -> None:
    assert kinds("Take Apple Pay and Google Pay in person with the card reader.",
                 "Get paid the next business day after every card sale.") != ["scope"]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Deposits are FDIC insured up to €250,000 through our partner bank.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", ["unit"]),
        ("Enterprise-tier customers get a 3-year warranty on every sensor.",
         "Every Keel Sentinel sensor comes with a 3-year warranty.", ["scope"]),
        ("Phone us on a weekday and a real person picks up in under 2 minutes.",
         "You reach a real person on the phone in under 2 minutes, 7 days a week.", ["scope"]),
        # "not a single receipt" denies; it does not narrow
        ("Your bookkeeper won't type a single receipt again; everything flows straight into Xero or QuickBooks.",
         "Every card transaction syncs to QuickBooks and Xero automatically.", []),
    ],
)
def test_currency_tier_weekday_and_not_a_single(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("At one bottling plant, a single technician fitted a hundred and twenty sensors in one shift.",
         "One technician fitted 120 sensors in a single shift at a bottling plant."),
        ("Through the bank we partner with, your deposits carry FDIC protection up to $250k.",
         "Deposits are FDIC insured up to $250,000 through our partner bank."),
        ("Overseas vendors can be paid in any of thirty currencies at the mid-market rate plus a flat 0.5% fee.",
         "Pay overseas suppliers in 30 currencies at the mid-market rate plus a flat 0.5% fee."),
    ],
)
def test_who_does_what_is_read_within_a_clause_and_not_around_adjectives(claim: str, approved: str) -> None:
    assert "roles" not in kinds(claim, approved)


@pytest.mark.parametrize("claim", [
    "The sensors survive anything: washdowns, dust, freezing cold stores, you name it.",
    "Washdowns, dust, deep-freeze stores, anything your plant throws at them: these sensors survive it all.",
    "We promise the sensors survive washdowns, dust and freezing cold stores.",
])
def test_more_absolutes_reps_add(claim: str) -> None:
    assert kinds(claim, "The sensors survive washdowns, dust and freezing cold stores.") == ["absolute"]


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("The stainless-steel model is IP68 rated and runs from -40 °C to 85 °C.", ["scope"]),
        ("The Sentinel Pro model is rated IP68 and works from -40 °C to 85 °C.", ["scope"]),
        ("Keel Sentinel sensors, in every version, are rated IP68 and work from -40 °C to 85 °C.", []),
    ],
)
def test_one_model_of_the_product(claim: str, expected: list[str]) -> None:
    approved = "Keel Sentinel sensors are rated IP68 and work from -40 °C to 85 °C."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


@pytest.mark.parametrize(
    "claim",
    [
        "Customers encrypt their own sales data before it's stored or sent.",
        "Security note for IT: your team handles encryption at rest and in transit.",
    ],
)
def test_the_customer_encrypts_what_the_platform_says_is_encrypted_for_them(claim: str) -> None:
    assert "roles" in kinds(claim, "Your sales data is encrypted at rest and in transit, and audited under SOC 2 Type II.")


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Card payments, bank transfers and mobile check deposits all land the next business day.",
         "Card payments land in your account the next business day.", ["scope"]),
        ("All incoming payments, whether card, transfer or check, land the next business day.",
         "Card payments land in your account the next business day.", ["scope"]),
        ("Everything, from dashboards to forecasts to the mobile app, refreshes every 5 seconds.",
         "Dashboards refresh every 5 seconds.", ["scope"]),
        # the wording's own list, reworded, is no wider
        ("The gateway uploads readings by Wi-Fi, cellular LTE or a network cable.",
         "A gateway sends data over Wi-Fi, Ethernet or LTE.", []),
        # a list of things the wording does not name at all is not a widening of it
        ("Sensors can be mounted on pumps, fans and conveyors.", "Sensors mount on motors in minutes.", []),
        ("Hand out as many cards as you want, to employees, contractors, even clients.",
         "Issue unlimited employee cards, each with its own spending limit.", ["scope"]),
        # how much, not which things
        ("Whatever you keep in the account, a lot or a little, there's never a charge.",
         "Keep any balance you like and never pay a monthly account fee.", []),
    ],
)
def test_a_list_of_more_things_than_the_wording_names(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("It encrypts everything at rest and in transit, so your data can never be breached.",
         "Your sales data is encrypted at rest and in transit."),
        ("Your savings pot earns up to 3.2% APY, and that rate is locked in for good.", "Earn up to 3.2% APY on your savings pot."),
        ("Every transaction syncs to QuickBooks or Xero automatically, with zero errors, ever.",
         "Every transaction syncs to QuickBooks or Xero automatically."),
        ("Thanks to our SLA, the dashboards never go down.", "A 99.9% uptime SLA on every plan."),
    ],
)
def test_promises_that_nothing_will_ever_go_wrong(claim: str, approved: str) -> None:
    assert "absolute" in kinds(claim, approved)
    assert "absolute" not in kinds(approved, approved)


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Card payments land in your account within the next business hour.", ["unit"]),
        ("Card payouts take several business days to reach your account.", ["number"]),
        ("Card payouts take a few working days to reach your account.", ["number"]),
        ("Card payments reach your account on the next business day.", []),
    ],
)
def test_the_next_business_hour_and_several_days_are_not_the_next_day(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Card payments land in your account the next business day.") == expected


def test_a_few_seconds_is_in_seconds() -> None:
    assert kinds("Your technician swaps the battery on site in a few seconds.",
                 "Technicians swap the battery on site in seconds.") == []


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("The Keel gateway crunches the vibration data, so only alerts go out over your network.", True),
        ("Vibration is analysed in the cloud, so only alerts travel over the network.", True),
        ("The sensor analyses vibration itself and the gateway only forwards alerts.", False),
    ],
)
def test_where_the_analysis_runs_with_a_named_gateway(claim: str, expected: bool) -> None:
    approved = "Keel Sentinel analyses vibration on the sensor itself, so only alerts travel over the network."
    found = [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))]
    assert ("reversal" in found) is expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("You get an alert three weeks before a bearing fails.", ["hedge"]),
        ("Alerts typically come about three weeks before a bearing fails.", []),
        ("On average, you hear about it three weeks before the bearing goes.", []),
    ],
)
def test_a_typical_figure_said_of_every_case(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Alerts arrive on average 3 weeks before a bearing fails.") == expected


def test_keying_every_transaction_in_is_manual() -> None:
    assert kinds("Our bookkeepers key every one of your transactions into QuickBooks for you.",
                 "Every transaction syncs to QuickBooks automatically.") == ["reversal"]


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("When a battery runs down, Keel's field team comes out and swaps it on site in seconds.", ["roles"]),
        ("A Keel service engineer visits your site and swaps the battery in seconds.", ["roles"]),
        ("Your technicians change the battery on site in seconds.", []),
    ],
)
def test_the_companys_people_doing_what_the_customers_technicians_do(claim: str, expected: list[str]) -> None:
    approved = "Technicians swap the battery on site in seconds, without sending the sensor back to the factory."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


def test_the_companys_monitoring_centre_is_its_people() -> None:
    approved = "Alerts arrive on average 3 weeks before a bearing fails."
    claim = "Our monitoring centre phones your maintenance lead about three weeks before a bearing is likely to go."
    assert "roles" in [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("You pay the interest on your savings pot monthly.", "Interest is paid monthly and you can withdraw at any time.",
         ["reversal"]),
        ("Interest lands in your pot every month and you can withdraw at any time.",
         "Interest is paid monthly and you can withdraw at any time.", []),
        ("Fernway pays your invoices within 9 days on average, instead of 18.",
         "Invoices with payment links are paid in 9 days on average instead of 18.", ["reversal"]),
        ("Your customers settle invoices with payment links in 9 days on average instead of 18.",
         "Invoices with payment links are paid in 9 days on average instead of 18.", []),
    ],
)
def test_who_pays_interest_and_invoices(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway",))] == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Just encrypt your sales data at rest and in transit before you send it to us.", ["roles"]),
        ("Encrypted at rest and in transit: your sales data.", []),
    ],
)
def test_an_instruction_to_do_what_is_done_for_the_customer(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Your sales data is encrypted at rest and in transit.") == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Pricing is per plant, so adding sensors never raises your subscription, up to 500 sensors.", ["scope"]),
        ("You can add up to 50 sensors per plant without your subscription going up.", ["scope"]),
        ("Pricing is per plant, so adding sensors never raises your subscription.", []),
        ("Pricing is per plant, so adding sensors never raises your subscription, even past 500 sensors.", []),
    ],
)
def test_a_cap_on_what_the_wording_sets_no_limit_to(claim: str, expected: list[str]) -> None:
    approved = "Keel Sentinel is priced per plant, not per sensor, so adding sensors never raises your subscription."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("The mobile app keeps going offline for up to 24 hours, then it has to reconnect to sync.",
         "The Lumen Pulse mobile app keeps working offline and syncs when the store reconnects.", ["scope"]),
        ("The mobile app keeps going offline for up to an hour, then syncs once the store reconnects.",
         "The Lumen Pulse mobile app keeps working offline and syncs when the store reconnects.", ["scope"]),
        ("Pricing is per store rather than per user, and up to five people in each store can log in.",
         "Lumen Pulse is priced per store, not per user", ["scope"]),
        ("Per-store pricing lets your whole team in, for chains of up to 50 stores.",
         "Lumen Pulse is priced per store, not per user, so the whole team can use it.", ["scope"]),
        # a cap on something the wording does not speak of is no limit on it
        ("Split your balance into up to five sub-accounts for taxes and payroll.",
         "Fernway Business is the business account for small companies", []),
        ("The mobile app keeps working offline and syncs when the store reconnects.",
         "The Lumen Pulse mobile app keeps working offline and syncs when the store reconnects.", []),
    ],
)
def test_a_cap_where_the_wording_states_no_figure(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Lumen Pulse", "Lumen"))] == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Support is by chat and email only. There's no phone line to call.", True),
        ("Phone support is handled by an automated assistant, so don't expect a human on the line.", True),
        ("Expect a chatbot first: there is no phone line where a real person picks up.", True),
        ("Call us any day and a real person picks up in under two minutes.", False),
        ("No bots, no queues: a human answers within two minutes.", False),
    ],
)
def test_a_bot_or_chat_only_where_the_platform_promises_a_person(claim: str, expected: bool) -> None:
    for approved in ("You reach a real person on the phone in under 2 minutes, 7 days a week.",
                     "No bots and no call queues: a person answers in under two minutes, every day."):
        found = kinds(claim, approved)
        assert bool({"reversal", "negation"} & set(found)) is expected, (approved, found)


@pytest.mark.parametrize(
    "text, idea",
    [
        ("No signal in the stockroom? The app carries on regardless and catches up later.", "works offline/needs a connection"),
        ("Wi-Fi cuts out in the stockroom? The phone app carries on regardless.", "works offline/needs a connection"),
        ("Your floor staff hear about dwindling inventory while there's still product on the shelf.", "in advance/too late"),
        ("Low-stock alerts reach the store team before the shelf is empty.", "in advance/too late"),
    ],
)
def test_more_ways_of_saying_offline_and_in_advance(text: str, idea: str) -> None:
    from msgcheck.compare import ideas

    assert idea in ideas(text)
    assert idea not in ideas("Dashboards refresh every 5 seconds.")


def test_half_a_decade_is_five_years() -> None:
    assert kinds("One cell keeps a sensor going for as long as half a decade.",
                 "Each sensor runs for up to 5 years on a single battery.") == []
    assert kinds("One cell keeps a sensor going for a decade.", "Each sensor runs for up to 5 years on a single battery.") != []


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("With Keel, battery replacements are a thing of the past.", ["reversal"]),
        ("The battery outlasts the machine it sits on.", ["reversal"]),
        ("Your own crew puts a fresh battery in right at the machine.", []),
    ],
)
def test_a_battery_for_life_where_the_platform_has_it_replaced(claim: str, expected: list[str]) -> None:
    found = [d.kind for d in compare(claim, "Technicians swap the battery on site in seconds.", own_names=("Keel",))]
    assert [k for k in found if k == "reversal"] == expected
    # the retired lifetime claim is contradicted by a battery put in, not by its own paraphrase
    assert ("reversal" in kinds(claim, "Keel sensors never need a new battery.")) is (not expected)


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Sites with fewer than 200 sensors pay one price per plant, so adding sensors never raises the subscription.",
         ["scope"]),
        ("Plants pay one price per plant, so adding sensors never raises the subscription.", []),
    ],
)
def test_a_kind_of_customer_is_a_restricted_subject(claim: str, expected: list[str]) -> None:
    approved = "Keel Sentinel is priced per plant, not per sensor, so adding sensors never raises your subscription."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Store managers tell the analysts what they need, and the analysts assemble the report.", ["roles"]),
        ("Store managers can't put them together on their own; reports go through your analysts.", ["negation"]),
        ("Store managers put together their own reports, no SQL needed.", []),
    ],
)
def test_putting_together_and_assembling_is_building(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Store managers build their own reports without SQL.") == expected


def test_pushing_the_data_back_up_is_syncing_it() -> None:
    approved = "The Lumen Pulse mobile app keeps working offline and syncs when the store is back online."
    own = ("Lumen Pulse", "Lumen", "Pulse")
    claim = "If the app loses signal, your IT team pushes the store's data back up to Pulse once the connection returns."
    assert [d.kind for d in compare(claim, approved, own_names=own)] == ["roles"]
    assert compare("The app keeps working offline and pushes the data back up once the store is online.",
                   approved, own_names=own) == []


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Your store staff flag low stock to us in the app before the shelf is empty.", ["roles"]),
        ("Your maintenance crew alerts Lumen before the shelf is empty.", ["roles"]),
        ("Your store team gets a low-stock alert before the shelf is empty.", []),
        ("Store staff log low-stock warnings so head office hears about them before the shelf is empty.", ["roles"]),
    ],
)
def test_the_customer_alerting_the_company(claim: str, expected: list[str]) -> None:
    approved = "Low-stock alerts reach the store team before the shelf is empty."
    assert [d.kind for d in compare(claim, approved, own_names=("Lumen Pulse", "Lumen"))] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Support on every plan is handled by our reseller partners, who reply within four business hours.",
         "Support answers within 4 business hours on every plan.", ["roles"]),
        ("Our partner bank's call centre answers in under two minutes, seven days a week.",
         "You reach a real person on the phone in under 2 minutes, 7 days a week.", ["roles"]),
        ("Your distributor stands behind every sensor with a 3-year warranty.",
         "Every sensor comes with a 3-year warranty.", ["roles"]),
        ("Your distributor backs every sensor with a 3-year warranty.",
         "Every sensor comes with a 3-year warranty.", ["roles"]),
        ("Each sensor is covered by a 3-year warranty from the distributor you buy it through.",
         "Every sensor comes with a 3-year warranty.", ["roles"]),
        ("Each sensor is covered by a 3-year warranty, whoever you buy it through.",
         "Every sensor comes with a 3-year warranty.", []),
        ("The POS vendors themselves build and maintain the 40 ready-made connectors.",
         "We ship 40 ready-made point-of-sale connectors.", ["roles"]),
        ("Deposits are insured through our partner bank's FDIC cover up to $250,000.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", []),
    ],
)
def test_a_third_party_doing_what_the_company_does(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway", "Lumen"))] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("When you pay with your Fernway card, the merchant gets your money the next business day.",
         "Card payments land in your Fernway account the next business day.", ["roles"]),
        ("Add payment links to the invoices you receive and your suppliers get paid up to 2x faster.",
         "Businesses that add Fernway payment links to invoices get paid up to 2x faster.", ["roles"]),
        ("Fernway earns up to 3.2% APY on the cash sitting in your savings pot.",
         "Earn up to 3.2% APY on money in your Fernway savings pot.", ["roles"]),
        ("Your money earns up to 3.2% APY in your Fernway savings pot.",
         "Earn up to 3.2% APY on money in your Fernway savings pot.", []),
        ("Add payment links to your invoices and you get paid up to 2x faster.",
         "Businesses that add Fernway payment links to invoices get paid up to 2x faster.", []),
    ],
)
def test_someone_else_gaining_what_the_customer_gains(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway",))] == expected


def test_insured_by_the_company_itself_and_designing_your_own_models() -> None:
    approved = "Deposits are FDIC insured up to $250,000 through our partner bank."
    assert "roles" in [d.kind for d in compare("Your deposits are insured by Fernway itself, up to $250,000.", approved,
                                               own_names=("Fernway",))]
    assert "roles" not in [d.kind for d in compare("Your deposits are insured up to $250,000 through our partner bank.",
                                                   approved, own_names=("Fernway",))]
    models = "Lumen Pulse comes with forecasting models built for retail, not generic templates."
    assert "roles" in [d.kind for d in compare("Retailers design their own forecasting models instead of generic templates.",
                                               models, own_names=("Lumen Pulse", "Lumen"))]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Buy through a certified partner and each sensor comes with a 3-year warranty.",
         "Every sensor comes with a 3-year warranty.", ["scope"]),
        ("Card payments taken on Fernway's own terminal land in your account the next business day.",
         "Card payments land in your Fernway account the next business day.", ["scope"]),
        ("Card payments land in your account the next business day.",
         "Card payments land in your Fernway account the next business day.", []),
        ("Add payment links to the bills you receive and you'll pay your suppliers up to 2x faster.",
         "Businesses that add payment links to invoices get paid up to 2x faster.", ["reversal"]),
    ],
)
def test_bought_through_a_partner_taken_on_a_terminal_and_paying_suppliers(claim: str, approved: str,
                                                                            expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway",))] == expected


def test_a_factor_of_up_to_forty_is_a_hedged_multiplier() -> None:
    from msgcheck.compare import quantities

    q = quantities("Cut unplanned downtime by a factor of up to 40.")
    assert [(x.value, x.dimension, x.hedge) for x in q] == [(40.0, "multiplier", "upto")]
    assert kinds("Cut unplanned downtime by a factor of up to 40.", "Cut unplanned downtime by up to 40%.") == ["percent_vs_multiplier"]


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Give every employee a card and let them set their own spending limit.", ["roles"]),
        ("Each employee card has a spending limit that your staff pick for themselves.", ["roles"]),
        ("Give every employee a card, each with a spending limit you set.", []),
    ],
)
def test_the_cardholders_deciding_what_the_account_owner_decides(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Issue unlimited employee cards, each with its own spending limit that you set.") == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        # a denied change ("never raises your subscription") denies no subscription
        ("Add as many sensors as you like; the plant subscription stays exactly where it is.", []),
        ("Add as many sensors as you want: you pay one subscription per site, so the bill stays flat.", []),
        # … and meets the change asserted, in any of its words
        ("Each sensor you add bumps up your monthly subscription.", ["negation"]),
        ("Adding sensors will push your subscription up.", ["negation"]),
        ("Each sensor you add goes onto your subscription, so the bill grows with your fleet.", ["negation"]),
        # a cap on the first few, and one price for every plant where the platform prices per plant
        ("Per-plant pricing keeps your subscription flat for the first 50 sensors.", ["scope"]),
        ("One Keel Sentinel subscription covers every plant your company runs.", ["scope"]),
    ],
)
def test_a_denied_change_and_what_per_plant_pricing_covers(claim: str, expected: list[str]) -> None:
    approved = "Keel Sentinel is priced per plant, not per sensor, so adding sensors never raises your subscription."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Sign-up happens entirely on the web and takes roughly ten minutes.",
         "Open a Fernway Business account online in about 10 minutes."),
        ("Our forecasting is purpose-built for retail, not a one-size-fits-all template.",
         "Lumen Pulse comes with forecasting models built for retail, not generic templates."),
        ("Purchases flow straight into your QuickBooks ledger, so your bookkeeper isn't typing receipts in by hand.",
         "Every transaction syncs to QuickBooks automatically, so your accountant never re-keys a receipt."),
    ],
)
def test_entirely_online_one_size_fits_all_and_a_denial_with_nt(claim: str, approved: str) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway", "Lumen Pulse", "Lumen"))] == []


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Keep $10,000 or more in your savings pot and you'll earn up to 3.2% APY.", ["scope"]),
        ("With a minimum balance of $5,000, your savings pot earns up to 3.2% APY.", ["scope"]),
        ("Your savings pot earns up to 3.2% APY, paid on balances like $10,000 too.", ["added_figure"]),
    ],
)
def test_a_minimum_to_qualify_is_a_condition(claim: str, expected: list[str]) -> None:
    assert kinds(claim, "Earn up to 3.2% APY on money in your savings pot.") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Your bill depends on the site, not on how many units you mount.",
        "You pay for the site, not the device count.",
        "Keel Sentinel is priced per plant, not per sensor.",
    ],
)
def test_more_ways_to_say_priced_per_site(text: str) -> None:
    from msgcheck.compare import bases

    assert bases(text) == (frozenset({"facility"}), frozenset({"device"}))


def test_three_nines_is_99_9_percent() -> None:
    approved = "Lumen Pulse offers a 99.9% uptime service level agreement."
    assert kinds("We commit contractually to three nines of availability.", approved) == []
    assert kinds("We commit contractually to five nines of availability.", approved) == ["number"]


def test_n_or_fewer_is_up_to_n() -> None:
    from msgcheck.compare import quantities

    assert [(q.value, q.hedge, q.noun) for q in quantities("If you operate ten locations or fewer.")] == [(10.0, "upto", "locations")]


def test_a_count_of_other_things_stands_in_for_no_figure_and_full_years_are_years() -> None:
    from msgcheck.compare import quantities

    assert kinds("Split your savings pot into up to 10 goals, like tax or payroll.",
                 "Earn up to 3.2% APY on money in your savings pot.") == ["added_figure"]
    assert [(q.value, q.dimension) for q in quantities("Each battery lasts five full years.")] == [(5 * 365 * 86400, "duration")]
    assert kinds("Each sensor's battery lasts five full years.", "Each sensor runs for up to 5 years on a single battery.") == ["hedge"]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Card payments can be paid out instantly for a 1% fee.", "Card payments land in your account the next business day.",
         ["added_claim"]),
        ("You can extend the warranty to five years for a small annual fee.", "Every sensor comes with a 3-year warranty.",
         ["added_claim"]),
        ("You can extend cover to five years with an optional service plan.", "Every sensor comes with a 3-year warranty.",
         ["added_claim"]),
        ("Try it first: a 60-day free trial with five sensors and one gateway.",
         "A single gateway connects up to 100 sensors.", ["added_claim"]),
        ("Try your first 10 sensors with a 60-day money-back guarantee.", "Every sensor comes with a 3-year warranty.",
         ["added_claim"]),
        ("Get 2% cashback on every purchase made with your employee cards.",
         "Issue unlimited employee cards, each with its own spending limit that you set.", ["added_claim"]),
        # the wording speaks of fees itself: the figure is compared as usual
        ("Pay suppliers abroad for a 1% fee.", "Pay overseas suppliers at the mid-market rate plus a flat 0.5% fee.",
         ["number"]),
    ],
)
def test_an_option_sold_beside_the_offer_is_something_else(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Card data is encrypted at rest and in transit.", "Your sales data is encrypted at rest and in transit.", ["scope"]),
        ("Any payment card data you send us is encrypted at rest and in transit.",
         "The product encrypts all data at rest and in transit.", ["scope"]),
        ("Your sales data is encrypted at rest and in transit.", "The product encrypts all data at rest and in transit.", []),
    ],
)
def test_a_kind_of_data_for_the_data_the_platform_speaks_of(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Keel Sentinel alerts your machine supplier on average three weeks before a bearing fails.", ["roles"]),
        ("Your bearing supplier gets an alert roughly 3 weeks before a bearing gives out.", ["roles"]),
        ("Your maintenance team gets an alert about 3 weeks before a bearing fails.", []),
    ],
)
def test_the_alert_sent_to_a_third_party(claim: str, expected: list[str]) -> None:
    approved = "Alerts arrive on average 3 weeks before a bearing fails."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


def test_the_analysis_running_on_the_gateway_is_not_on_the_device() -> None:
    approved = "Keel Sentinel analyses vibration on the sensor itself, so only alerts travel over the network."
    claim = "Vibration analysis runs on the gateway, which means just alerts go out over the network."
    assert "reversal" in [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Pricing is per store rather than per user, for chains of 50 stores or more on an annual contract.",
         "Lumen Pulse is priced per store, not per user, so the whole team can use it.", ["scope"]),
        ("Sentinel sensors go up to 5 years on one battery, even when sampling every second.",
         "Each sensor runs for up to 5 years on a single battery.", ["scope"]),
        ("Each sensor runs for up to 5 years, even on a single battery.",
         "Each sensor runs for up to 5 years on a single battery.", []),
    ],
)
def test_for_some_customers_only_or_even_in_a_case_the_wording_does_not_name(claim: str, approved: str,
                                                                             expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


def test_will_never_fail_and_a_visit_to_a_branch() -> None:
    assert "absolute" in kinds("These sensors will never fail in harsh conditions.", "The sensors survive washdowns and dust.")
    assert "reversal" in kinds("Opening an account means a visit to one of our branches.",
                               "Open a business account online in about 10 minutes.")


def test_the_products_own_name_is_not_another_named_for_any() -> None:
    approved = "Keep any balance you like and never pay a monthly account fee."
    claim = "Split your Fernway Business balance into up to five sub-accounts for taxes and payroll."
    assert "scope" not in [d.kind for d in compare(claim, approved, own_names=("Fernway", "Fernway Financial"))]
    readings = "Your readings export to any historian or CMMS through an open API at no extra cost."
    assert "scope" in [d.kind for d in compare("Your readings export to SAP PM through our open API at no extra cost.",
                                               readings, own_names=("Keel Sentinel", "Keel"))]


def test_the_subject_of_a_relative_clause() -> None:
    approved = "Store managers build their own reports without SQL."
    own = ("Lumen Pulse", "Lumen")
    claim = "Store managers send their requests to a Lumen analyst, who builds the reports for them without SQL."
    assert "roles" in [d.kind for d in compare(claim, approved, own_names=own)]
    assert compare("Store managers, who know their stores best, build their own reports without SQL.", approved,
                   own_names=own) == []


def test_it_all_is_the_platforms_own_every() -> None:
    claim = "Your accountant won't type up a single receipt; it all flows into QuickBooks or Xero by itself."
    assert kinds(claim, "Every transaction syncs to QuickBooks or Xero automatically.") == []
    assert kinds("These sensors survive it all.", "The sensors survive washdowns, dust and freezing cold stores.") == ["absolute"]


def test_inside_the_unit_is_on_the_device() -> None:
    from msgcheck.compare import ideas

    assert "on the device/elsewhere" in ideas("The number-crunching happens inside the unit, so only warnings cross the network.")


def test_not_just_is_no_denial_and_online_and_in_store_is_no_channel() -> None:
    from msgcheck.compare import ideas

    approved = "Keel Sentinel analyses vibration on the sensor itself, so only alerts travel over the network."
    found = [d.kind for d in compare("Sentinel also tracks motor temperature and current draw, not just vibration.", approved,
                                     own_names=("Keel Sentinel", "Keel"))]
    assert "negation" not in found
    assert "online/in person" not in ideas("Pulse plugs into your storefront, so online and in-store sales sit side by side.")
    assert "online/in person" in ideas("Open your account online in ten minutes.")


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Alerts can be routed to Microsoft Teams, email or SMS.", ["added_claim"]),
        ("Alerts go out by SMS and email to whoever's on shift.", ["added_claim"]),
        ("Only the alerts travel over your network; the analysis stays on the sensor.", []),
    ],
)
def test_a_delivery_channel_the_wording_does_not_name(claim: str, expected: list[str]) -> None:
    approved = "Keel Sentinel analyses vibration on the sensor itself, so only alerts travel over the network."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("All your money, including payouts in transit and foreign-currency balances, is FDIC insured up to $250,000.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", ["scope"]),
        ("Call during weekday business hours and a real person picks up in under 2 minutes.",
         "You reach a real person on the phone in under 2 minutes, 7 days a week.", ["scope"]),
        ("On every plan, your assigned reseller partner picks up support tickets within 4 business hours.",
         "Support answers within 4 business hours on every plan.", ["roles"]),
    ],
)
def test_including_more_a_weekday_and_an_assigned_reseller(claim: str, approved: str, expected: list[str]) -> None:
    assert kinds(claim, approved) == expected


def test_one_case_said_of_all() -> None:
    approved = "One technician fitted 120 sensors in a single shift at a bottling plant."
    assert kinds("Every plant we work with fits 120 sensors in a single shift.", approved) == ["scope"]
    assert kinds("At one bottling plant, a single technician fitted 120 sensors in one shift.", approved) == []


def test_the_customers_expected_to_respond_to_support() -> None:
    approved = "Support answers within 4 business hours on every plan."
    claim = "On every plan, customers are expected to respond to Lumen support within 4 business hours."
    assert [d.kind for d in compare(claim, approved, own_names=("Lumen Pulse", "Lumen"))] == ["roles"]
    assert compare("Our support team gets back to you within 4 business hours on every plan.", approved,
                   own_names=("Lumen Pulse", "Lumen")) == []


def test_talking_to_the_network_is_sending_the_data() -> None:
    approved = "A gateway sends data over Wi-Fi, Ethernet or LTE."
    assert kinds("Each sensor talks to the network directly over Wi-Fi, Ethernet or LTE.", approved) == ["roles"]
    assert kinds("The gateway talks to your network over Wi-Fi, Ethernet or LTE.", approved) == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Whatever you keep with us is FDIC-protected to $250k via the bank we partner with.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", []),
        ("Your money's protected by the FDIC to a quarter of a million dollars.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", []),
        ("Deposits are FDIC insured: $250,000 per depositor.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", ["hedge"]),
        ("Sign up after lunch and chances are you're looking at live data by closing time.",
         "Most retailers are live on Lumen Pulse the same afternoon they sign up.", []),
        ("Put a pay-now link on an invoice and the typical wait drops from eighteen days to nine.",
         "Invoices with payment links are paid in 9 days on average instead of 18.", []),
        ("Put a pay-now link on an invoice and the wait drops from eighteen days to nine.",
         "Invoices with payment links are paid in 9 days on average instead of 18.", ["hedge"]),
    ],
)
def test_hedges_said_in_other_words(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway", "Lumen Pulse", "Lumen"))] == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Bulletproof sensors: IP68 rated and happy anywhere from -40 °C up to 85 °C.", []),
        ("Rated IP 68, each sensor keeps going from minus 40 all the way up to 85 °C.", []),
        ("Sensors and gateways are IP68 rated and run anywhere from -40 °C to 85 °C.", ["scope"]),
        ("IP68, good from -40 °C to 85 °C, and the gateway carries the same rating.", ["scope"]),
        ("The whole kit - sensors and gateways alike - is IP68 rated and works from -40 °C to 85 °C.", ["scope"]),
        ("IP68 rated sensors work anywhere, from -40 °C to 85 °C.", ["absolute"]),
    ],
)
def test_anywhere_from_is_a_range_and_another_thing_said_of_too(claim: str, expected: list[str]) -> None:
    approved = "Sensors are IP68 rated and work from -40 °C to 85 °C."
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Pricing starts at $49 per store per month, billed annually.", ["added_figure"]),
        ("Plans start at $1,200 per store per year.", ["added_figure"]),
        ("Zero dollars a month per store, and the whole team can use it.", []),
        ("You pay per store, whether your team is 5 people or 50.", []),
    ],
)
def test_a_price_where_the_wording_states_no_figure(claim: str, expected: list[str]) -> None:
    approved = "Lumen Pulse is priced per store, not per user, so the whole team can use it."
    assert [d.kind for d in compare(claim, approved, own_names=("Lumen Pulse", "Lumen"))] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("US-registered LLCs can open a business account online in about 10 minutes.",
         "Open a business account online in about 10 minutes.", ["scope"]),
        ("Customers in the EU get replacement sensors shipped within 2 business days.",
         "Replacement sensors ship within 2 business days.", ["scope"]),
        ("At North American plants, your technicians swap the battery on site in seconds.",
         "Technicians swap the battery on site in seconds.", ["scope"]),
        ("Your first twelve months are free of monthly fees.", "Never pay a monthly account fee.", ["scope"]),
        ("Customers get replacement sensors shipped within 2 business days.",
         "Replacement sensors ship within 2 business days.", []),
        ("Every European plant we work with has seen up to 40% less downtime.",
         "Plants cut unplanned downtime by up to 40%.", []),
    ],
)
def test_a_kind_of_business_a_region_or_a_first_period(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved)] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Hose-downs, dusty floors, sub-zero cold rooms - the sensors take it all in stride.",
         "Rated IP68 for washdowns, dust and freezing cold rooms.", []),
        ("The sensors take it all in stride.", "Rated IP68 for washdowns, dust and freezing cold rooms.", ["absolute"]),
        ("Raw waveforms stay on the device; the warnings are what cross your network.",
         "The sensor does the analysis on board and sends alerts, not raw waveforms.", []),
        ("Raw waveforms go to our cloud, not just alerts.",
         "The sensor does the analysis on board and sends alerts, not raw waveforms.", ["negation"]),
        ("Keep whatever balance you want and skip the monthly fee.",
         "Keep any balance you like and never pay a monthly account fee.", []),
    ],
)
def test_it_all_after_a_list_staying_on_the_device_and_skipping_a_fee(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved)] == expected


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Dust-tight and waterproof to IP68, and comfortable anywhere from minus 40 to plus 85 degrees C.",
         "Sensors are IP68 rated and work from -40 °C to 85 °C."),
        ("Invoices carrying a pay link get settled in about nine days on average, half the usual eighteen.",
         "Invoices with payment links are paid in 9 days on average instead of 18."),
        ("Your accountant won't have to type up a single receipt: everything flows into Xero or QuickBooks on its own.",
         "Every transaction syncs to QuickBooks or Xero automatically, so your accountant never re-keys a receipt."),
        ("Applying takes roughly ten minutes, start to finish, and it's all done on the web.",
         "Open a business account online in about 10 minutes."),
    ],
)
def test_paraphrases_with_plus_the_usual_a_denied_single_and_a_clause_after_a_comma(claim: str, approved: str) -> None:
    assert compare(claim, approved) == []


def test_half_the_usual_figure_is_that_figure() -> None:
    qs = quantities("Settled in about nine days on average, half the usual eighteen.")
    assert [(q.dimension, q.value) for q in qs] == [("duration", 9 * 86400.0), ("duration", 18 * 86400.0)]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Sign an annual contract and you'll get 15% off the per-store price.",
         "Stores using Lumen Pulse reduce stockouts by up to 25%.", ["added_claim"]),
        ("If we miss the uptime SLA, you get a 10% service credit for every hour of downtime.",
         "Lumen Pulse offers a 99.9% uptime service level agreement.", ["added_claim"]),
        ("Plants that sign a three-year subscription get their first gateway free.",
         "Keel Sentinel is priced per plant, not per sensor.", ["added_claim"]),
        ("Stores using Lumen Pulse reduce stockouts by up to 15%.",
         "Stores using Lumen Pulse reduce stockouts by up to 25%.", ["number"]),
    ],
)
def test_a_deal_on_top_of_the_wording_says_more(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Lumen Pulse", "Keel Sentinel"))] == expected


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Run payroll for up to 20 employees straight from your account.",
         "Issue unlimited employee cards, each with its own spending limit that you set.", ["added_figure"]),
        ("Issue up to 20 employee cards, each with its own spending limit that you set.",
         "Issue unlimited employee cards, each with its own spending limit that you set.", ["scope"]),
        # no figure in the claim: no figure's "on average" to drop
        ("Payment links on your invoices also accept Apple Pay and Google Pay.",
         "Invoices with payment links are paid in 9 days on average instead of 18.", ["added_claim"]),
        ("Invoices with payment links are paid in 9 days instead of 18.",
         "Invoices with payment links are paid in 9 days on average instead of 18.", ["hedge"]),
    ],
)
def test_a_count_of_something_else_and_a_typical_figure_not_given(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved)] == expected


def test_the_yardstick_after_than_is_neither_said_nor_denied() -> None:
    approved = "Demand forecasts are up to 30% more accurate than spreadsheet planning."
    assert compare("Ditch the spreadsheet: our forecasts are up to 30% more accurate.", approved) == []
    assert kinds("Our forecasts are no more accurate than spreadsheet planning.", approved) == ["negation"]


@pytest.mark.parametrize("claim", [
    "Zero monthly charges, and no minimum balance.",
    "Zero monthly charges, and no balance you're required to keep.",
])
def test_monthly_charges_are_the_monthly_fee_and_a_required_balance_is_a_minimum(claim: str) -> None:
    assert compare(claim, "Keep any balance you like and never pay a monthly account fee.") == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Visa payments land in your Fernway account the next business day.",
         "Card payments land in your Fernway account the next business day.", ["scope"]),
        ("Payments from any card land in your account the next business day.",
         "Card payments land in your Fernway account the next business day.", []),
        ("Premium-tier dashboards refresh every 5 seconds.", "Dashboards refresh every 5 seconds.", ["scope"]),
        ("Sign a two-year contract and you're priced per store rather than per user.",
         "Priced per store, not per user.", ["scope"]),
        ("Fernway itself is FDIC insured, so your deposits are covered up to $250,000.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", ["roles"]),
        ("Why pay for every login? You're billed by location, so everyone on the floor gets access.",
         "Priced per store, not per user, so the whole team can use it.", []),
        ("Pick from forty pre-built point of sales connectors out of the box.",
         "Lumen Pulse ships with 40 ready-made point-of-sale connectors.", []),
        ("Your staff hear about shelves running low before anything actually runs out.",
         "Low-stock alerts reach the store team before the shelf is empty.", []),
        ("Each sensor also logs surface temperature alongside every vibration reading.",
         "The wireless vibration sensor warns maintenance teams before a machine fails.", ["added_claim"]),
    ],
)
def test_card_brands_tiers_contracts_the_company_itself_and_paraphrases(claim: str, approved: str,
                                                                        expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Fernway", "Lumen Pulse"))] == expected


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("During opening hours your dashboards refresh every 5 seconds.", "Dashboards refresh every 5 seconds."),
        ("The head-office dashboard refreshes every 5 seconds during trading hours.", "Dashboards refresh every 5 seconds."),
        ("Stores cut stockouts by up to 25% in your stores and your distribution centres alike.",
         "Stores using the product reduce stockouts by up to 25%."),
        ("Each gateway links as many as 100 sensors over 500 metres, inside the plant or out in the yard.",
         "One gateway connects up to 100 sensors across 500 metres indoors."),
        ("Card payments taken on a Fernway terminal hit your account the next business day.",
         "Card payments land in your account the next business day."),
        ("Priced per store for chains with more than 50 locations, not per user.", "Priced per store, not per user."),
        ("Pay suppliers in the EU at the mid-market rate plus a flat 0.5% fee.",
         "Pay overseas suppliers in 30 currencies at the mid-market rate plus a flat 0.5% fee."),
        ("Store managers build their own sales reports without SQL - inventory reports still go through your analyst.",
         "Store managers build their own reports without SQL."),
    ],
)
def test_hours_places_terminals_chain_sizes_regions_and_exceptions_narrow_it(claim: str, approved: str) -> None:
    assert "scope" in kinds(claim, approved)


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("Whatever point-of-sale system you run, you'll have it talking to us in less than sixty minutes.",
         "Connect your point-of-sale system in under an hour."),
        ("POS, e-commerce, ERP, loyalty: connect every system you run in under an hour.",
         "Connect your point-of-sale system in under an hour."),
        ("Your POS, your online store and your ERP - all connected in under an hour.",
         "Connect your point-of-sale system in under an hour."),
        ("Earn up to 3.2% APY on every dollar in your business account.", "Earn up to 3.2% APY on money in your savings pot."),
        ("Earn up to 3.2% APY on your savings pot and on your everyday checking balance too.",
         "Earn up to 3.2% APY on money in your savings pot."),
    ],
)
def test_any_system_for_yours_and_the_whole_account_for_the_pot(claim: str, approved: str) -> None:
    assert "scope" in kinds(claim, approved)


def test_your_system_and_the_pot_said_again_are_no_widening() -> None:
    assert compare("Hook up your POS system in less than an hour.", "Connect your point-of-sale system in under an hour.") == []
    assert compare("Money in your savings pot earns up to 3.2% APY.", "Earn up to 3.2% APY on money in your savings pot.") == []


@pytest.mark.parametrize(
    "claim, approved",
    [
        ("A crew of Keel installers fitted 120 sensors in a single shift for a bottling plant.",
         "At a bottling plant, one technician fitted 120 sensors in a single shift."),
        ("A Keel electrician fits each sensor in under 10 minutes, so your team doesn't lift a finger.",
         "A technician mounts a sensor in under 10 minutes."),
        ("Keel sends a certified installer to mount each sensor in under 10 minutes.",
         "A technician mounts a sensor in under 10 minutes."),
        ("Keel Sentinel alerts the machine's manufacturer about three weeks before a bearing goes.",
         "Alerts arrive on average 3 weeks before a bearing fails."),
        ("Your bearing supplier gets a heads-up about three weeks before a bearing gives out.",
         "Alerts arrive on average 3 weeks before a bearing fails."),
    ],
)
def test_the_companys_installers_and_alerts_to_the_maker(claim: str, approved: str) -> None:
    assert "roles" in [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))]


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("On top of SOC 2, Lumen Pulse is ISO 27001 certified.",
         "Lumen Pulse is SOC 2 Type II certified and encrypts all data at rest and in transit.", ["added_claim"]),
        ("Want more cover? Extend the warranty to five years for $4 per sensor per year.",
         "Sensors last up to five years before the battery needs replacing.", ["added_claim"]),
        ("Forecast models are trained once during setup and then left as they are.",
         "Forecasts are retrained every night on the latest sales.", ["reversal"]),
        ("Transactions sync to QuickBooks automatically; Xero support is on the roadmap.",
         "Every transaction syncs to QuickBooks or Xero automatically.", ["scope"]),
        ("Store managers build their own reports without SQL once they've completed our two-day course.",
         "Store managers build their own reports without SQL.", ["scope"]),
        ("Keel Sentinel sensors, and the gateways too, are rated IP68.", "Sensors are rated IP68.", ["scope"]),
        ("Fernway is FDIC insured itself, so your deposits are covered up to $250,000.",
         "Deposits are FDIC insured up to $250,000 through our partner bank.", ["roles"]),
        ("Your dashboards update every five seconds, so stale numbers are a thing of the past.",
         "Dashboards refresh every 5 seconds.", []),
        ("Hose-downs, grime and sub-zero freezer rooms don't faze these sensors.",
         "The sensors survive washdowns, dust and freezing cold stores.", []),
        ("With 40 point of sales connectors out of the box, odds are yours is already covered.",
         "Lumen Pulse ships with 40 ready-made point-of-sale connectors.", []),
        ("Why clog your network with raw waveforms? The sensor crunches the numbers and sends out alerts.",
         "The sensor does the analysis on board and sends alerts, not raw waveforms.", []),
        ("Put in as many sensors as you like; what you pay for the plant stays exactly the same.",
         "Keel Sentinel is priced per plant, not per sensor", []),
    ],
)
def test_certificates_warranty_offers_readers_training_roadmaps_and_paraphrases(claim: str, approved: str,
                                                                               expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Lumen Pulse", "Keel Sentinel", "Fernway"))] == expected


def test_no_card_reader_denies_the_reader_not_the_card() -> None:
    kinds_found = kinds("Take tap-to-pay on your phone, no card reader needed.",
                        "Card payments land in your account the next business day.")
    assert "negation" not in kinds_found
    assert "negation" in kinds("No card payments are accepted.", "Card payments land in your account the next business day.")


def test_sending_the_sensor_to_us_where_the_company_ships_and_not_when_denied() -> None:
    approved = "Replacement sensors ship within 2 business days."
    assert kinds("Just send us the faulty sensor within 2 business days and we'll replace it.", approved) == ["roles"]
    assert "roles" not in kinds("Your techs swap it at the machine, no need to post the unit back to us.", approved)


def test_the_products_name_and_a_model_word_is_one_model() -> None:
    approved = "Every Keel Sentinel sensor comes with a 3-year warranty."
    own = ("Keel Sentinel", "Sentinel", "Keel")
    assert [d.kind for d in compare("Sentinel Pro sensors come with a 3-year warranty.", approved, own_names=own)] == ["scope"]
    assert compare("Sentinel sensors come with a 3-year warranty.", approved, own_names=own) == []


@pytest.mark.parametrize(
    "claim, approved, expected",
    [
        ("Forecasts also recommend the best markdown price for slow-moving stock.",
         "Forecasts are retrained every night on the latest sales.", ["added_claim"]),
        ("Alerts can be posted straight into a Microsoft Teams channel for your maintenance crew.",
         "Alerts reach the maintenance team weeks before a machine fails.", ["added_claim"]),
        ("Send your spent batteries back to us and we'll recycle them for free.",
         "Technicians swap the battery on site in seconds, without sending the sensor back to the factory.", ["added_claim"]),
        ("Keel offers a free 30-day pilot with up to 10 sensors for new plants.",
         "Keel Sentinel is priced per plant, not per sensor.", ["added_claim"]),
    ],
)
def test_recommendations_channels_recycling_and_pilots_say_more(claim: str, approved: str, expected: list[str]) -> None:
    assert [d.kind for d in compare(claim, approved, own_names=("Keel Sentinel", "Keel"))] == expected


def test_payments_under_an_amount_are_only_some_of_them() -> None:
    approved = "Card payments land in your account the next business day."
    assert kinds("Card payments under $10,000 land in your account the next business day.", approved) == ["scope"]
    assert kinds("For transfers under $10,000, pay overseas suppliers in 30 currencies at the mid-market rate.",
                 "Pay overseas suppliers in 30 currencies at the mid-market rate plus a flat 0.5% fee.") == ["scope"]


def test_every_one_of_a_list_of_other_things() -> None:
    approved = "Lumen Pulse dashboards refresh every 5 seconds."
    own = ("Lumen Pulse", "Lumen")
    assert [d.kind for d in compare("Every report, export and email digest in Lumen Pulse refreshes every 5 seconds.",
                                    approved, own_names=own)] == ["scope"]
    assert compare("You pay by location, not by login, so bring every cashier, buyer and manager on board.",
                   "Lumen Pulse is priced per store, not per user, so the whole team can use it.", own_names=own) == []


def test_another_integration_too_is_no_narrowing_of_any() -> None:
    approved = "Your readings export to any historian or CMMS through an open API."
    assert kinds("Readings flow into SAP PM and IBM Maximo through our API.", approved) == ["scope"]
    assert "scope" not in kinds("Fernway now syncs with FreshBooks too.",
                                "Every transaction syncs to QuickBooks or Xero automatically.")


@pytest.mark.parametrize("claim", [
    "Lumen Pulse is always up. Zero outages, ever.", "Up 100% of the time.", "Your dashboards are never offline.",
    "You'll never lose a single minute to downtime.", "You'll never have unplanned downtime again.",
    "Zero downtime on every machine."])
def test_a_promise_that_it_never_fails_against_a_share_of_uptime_or_a_cut_in_downtime(claim: str) -> None:
    from msgcheck.compare import never_fails

    assert never_fails(claim, "Lumen Pulse offers a 99.9% uptime service level agreement.")
    assert never_fails(claim, "Plants using Keel Sentinel cut unplanned downtime by up to 40%.")
    assert not never_fails(claim, "Lumen Pulse dashboards refresh every 5 seconds.")  # measures no uptime


def test_no_promise_that_it_never_fails() -> None:
    from msgcheck.compare import never_fails

    sla = "Lumen Pulse offers a 99.9% uptime service level agreement."
    assert not never_fails("We commit to 99.9% uptime in the contract.", sla)
    assert not never_fails("The app is always on hand in your pocket.", sla)
    assert not never_fails("Support is always available by chat.", sla)


def test_before_it_ever_happens_is_foresight() -> None:
    from msgcheck.compare import ideas

    assert "in advance/too late" in ideas("Sentinel catches every machine breakdown before it ever happens.")
    assert "in advance/too late" in ideas("Keel Sentinel predicts every machine failure before it happens.")


@pytest.mark.parametrize("claim", [
    "Hooking up your till system isn't a quick job. Budget several days of integration work.",
    "Getting connected is a slow, drawn-out process.", "Plan for a multi-week integration project."])
def test_slow_where_the_platform_says_quick_is_a_reversal(claim: str) -> None:
    assert "reversal" in kinds(claim, "Connect your point-of-sale system in under an hour.")


def test_quick_in_other_words_is_no_reversal() -> None:
    assert "reversal" not in kinds("Your tills are hooked up within the hour.", "Connect your point-of-sale system in under an hour.")
    assert "reversal" not in kinds("Most shops are live the same afternoon.", "Connect your point-of-sale system in under an hour.")


def test_an_automated_voice_assistant_is_no_person_on_the_phone() -> None:
    assert kinds("Calls are handled by our automated voice assistant.", "No bots and no call queues") == ["reversal"]


@pytest.mark.parametrize("claim", [
    "Every transaction syncs automatically to whatever accounting software you use.",
    "Every transaction syncs automatically to whatever accounting software your accountant uses.",
    "Every transaction syncs automatically to whatever accounting software you use: QuickBooks, Xero, Sage, you name it."])
def test_any_software_where_the_platform_names_the_products_is_widened(claim: str) -> None:
    assert kinds(claim, "Every transaction syncs to QuickBooks or Xero automatically, so your accountant never re-keys a receipt.") \
        == ["scope"]


def test_whichever_of_the_named_ones_is_not_widened() -> None:
    assert "scope" not in kinds("Gateways send their data over whichever link your site has: Wi-Fi, Ethernet or LTE.",
                                "A gateway sends data over Wi-Fi, Ethernet or LTE.")


@pytest.mark.parametrize("claim, approved", [
    ("Card payments you make land in your supplier's account the next business day.",
     "Card payments land in your Fernway account the next business day."),
    ("Pay with your Fernway card and the money reaches the seller's account the next business day.",
     "Card payments land in your Fernway account the next business day."),
    ("Adding Fernway payment links to your invoices gets your suppliers paid up to 2x faster.",
     "Businesses that add Fernway payment links to invoices get paid up to 2x faster."),
    ("Suppliers who send you invoices with Fernway payment links get paid by you up to 2x faster.",
     "Businesses that add Fernway payment links to invoices get paid up to 2x faster."),
])
def test_the_customer_pays_where_the_platform_says_the_customer_is_paid(claim: str, approved: str) -> None:
    assert "roles" in [d.kind for d in compare(claim, approved, own_names=("Fernway",))]


def test_the_customer_is_paid_in_other_words_is_no_role_swap() -> None:
    assert "roles" not in [d.kind for d in compare("Money from card sales reaches your account the next business day.",
                                                   "Card payments land in your Fernway account the next business day.",
                                                   own_names=("Fernway",))]


def test_every_one_bought_on_an_annual_plan_is_some_of_them() -> None:
    found = compare("Every Keel Sentinel sensor bought on an annual plan comes with a 3-year warranty.",
                    "Every Keel Sentinel sensor comes with a 3-year warranty.", own_names=("Keel Sentinel", "Keel"))
    assert [d.kind for d in found] == ["scope"] and "of every sensor" in found[0].reason


def test_a_number_word_is_no_kind_of_the_thing_counted() -> None:
    assert kinds("Typical warning before a bearing gives out? Three weeks, on average.",
                 "Alerts arrive on average 3 weeks before a bearing fails.") == []


def test_nobody_left_out_denies_nothing() -> None:
    assert "negation" not in kinds("You pay by location, not by seat, so nobody on the team gets left out.",
                                   "Lumen Pulse is priced per store, not per user, so the whole team can use it.")


def test_rather_than_sets_aside_its_whole_phrase() -> None:
    assert kinds("Our forecasting models were designed for retailers from the start, rather than adapted from "
                 "one-size-fits-all templates.",
                 "Lumen Pulse comes with forecasting models built for retail, not generic templates.") == []


@pytest.mark.parametrize("claim, approved, own", [
    ("Your IT team takes care of encrypting data at rest and in transit.",
     "Lumen Pulse is SOC 2 Type II certified and encrypts all data at rest and in transit.", ("Lumen Pulse",)),
    ("We make as much as 3.2% APY on whatever you park in your savings pot.",
     "Earn up to 3.2% APY on money in your Fernway savings pot.", ("Fernway",)),
    ("Keel sends one of its own technicians to mount each sensor in under 10 minutes, no wiring needed.",
     "A technician mounts a Keel Sentinel sensor in under 10 minutes, with no wiring.", ("Keel Sentinel", "Keel")),
])
def test_who_does_it_said_in_other_words(claim: str, approved: str, own: tuple[str, ...]) -> None:
    assert "roles" in [d.kind for d in compare(claim, approved, own_names=own)]


def test_ip_ratings_minus_number_words_and_bare_degrees() -> None:
    rugged = "Keel Sentinel sensors are rated IP68 and work from -40 °C to 85 °C."
    assert kinds("IP-68 rated and comfortable anywhere from -40 °C up to 85 °C.", rugged) == []
    assert kinds("IP68 rated and happy anywhere from minus forty to eighty-five degrees.", rugged) == []
    assert kinds("Works from -40 to 60 degrees.", rugged) == ["number"]


def test_a_spaced_hyphen_ends_a_slide_heading_before_the_subject() -> None:
    found = compare("Fewer empty shelves - stores running Lumen Pulse see as much as a quarter fewer stockouts.",
                    "Stores using Lumen Pulse reduce stockouts by up to 25%.", own_names=("Lumen Pulse", "Lumen"))
    assert found == []
    narrowed = compare("Fewer empty shelves - grocery chains running Lumen Pulse see up to 25% fewer stockouts.",
                       "Stores using Lumen Pulse reduce stockouts by up to 25%.", own_names=("Lumen Pulse", "Lumen"))
    assert [d.kind for d in narrowed] == ["scope"]


def test_fewer_false_absolutes_and_hedges() -> None:
    assert kinds("Contractually, we promise 99.9 percent availability.",
                 "Lumen Pulse offers a 99.9% uptime service level agreement.") == []
    assert kinds("Three years of warranty cover on every single sensor.",
                 "Every Keel Sentinel sensor comes with a 3-year warranty.") == []
    assert kinds("Fit one battery and you could be looking at half a decade before it needs changing.",
                 "Sensors last up to five years before the battery needs replacing.") == []
    assert kinds("Fit one battery and it lasts half a decade before it needs changing.",
                 "Sensors last up to five years before the battery needs replacing.") == ["hedge"]


def test_on_its_own_is_how_not_a_list_member() -> None:
    assert "scope" not in kinds("Your bookkeeping software picks up every purchase on its own, QuickBooks or Xero, so your "
                                "accountant isn't typing receipts.",
                                "Every transaction syncs to QuickBooks or Xero automatically, so your accountant never "
                                "re-keys a receipt.")


def test_never_an_unplanned_stop_again_never_fails() -> None:
    from msgcheck.compare import never_fails

    assert never_fails("With Keel Sentinel on your machines, you'll never have an unplanned stop again.",
                       "Plants using Keel Sentinel cut unplanned downtime by up to 40%.")


@pytest.mark.parametrize("claim", [
    "We host on a cloud provider that's SOC 2 Type II certified, and everything's encrypted at rest and in transit.",
    "Our hosting provider holds the SOC 2 Type II certification and handles encryption of your data.",
    "We put your stores through a SOC 2 Type II audit, and all data is encrypted at rest and in transit.",
    "Roll out Lumen Pulse and your own company comes away SOC 2 Type II certified.",
    "Lumen Pulse and all of its partner apps are SOC 2 Type II certified."])
def test_someone_else_holds_the_certification(claim: str) -> None:
    found = compare(claim, "Lumen Pulse is SOC 2 Type II certified and encrypts all data at rest and in transit.",
                    own_names=("Lumen Pulse", "Lumen"))
    assert "roles" in [d.kind for d in found]


def test_the_company_certified_in_other_words_holds_it() -> None:
    found = compare("Our platform carries SOC 2 Type II certification, and your data is encrypted at rest and in transit.",
                    "Lumen Pulse is SOC 2 Type II certified and encrypts all data at rest and in transit.",
                    own_names=("Lumen Pulse", "Lumen"))
    assert "roles" not in [d.kind for d in found]


def test_those_running_our_sensors_are_all_who_run_it() -> None:
    assert kinds("Factories running our sensors see as much as 40 percent fewer surprise stoppages.",
                 "Plants using Keel Sentinel cut unplanned downtime by up to 40%.") == []
    assert "scope" in kinds("Factories running our sensors on conveyors see up to 40 percent fewer stoppages.",
                            "Plants using Keel Sentinel cut unplanned downtime by up to 40%.")


def test_protects_to_a_limit_is_up_to_it() -> None:
    assert kinds("The FDIC protects your balance to a quarter of a million dollars, via the bank we partner with.",
                 "Deposits are FDIC insured up to $250,000 through our partner bank.") == []


@pytest.mark.parametrize("claim", [
    "Washdowns, dust, freezing cold stores: nothing can damage a Keel Sentinel.",
    "Keel Sentinel sensors simply can't be damaged, whatever you throw at them.",
    "Lumen Pulse encrypts all your data, which makes a breach impossible."])
def test_more_absolutes(claim: str) -> None:
    assert "absolute" in kinds(claim, "The sensors survive washdowns, dust and freezing cold stores.")


def test_no_matter_which_where_the_platform_says_every() -> None:
    assert kinds("Each unit is covered for three years, no matter which one you buy.",
                 "Every Keel Sentinel sensor comes with a 3-year warranty.") == []
    assert "absolute" in kinds("The app keeps working offline no matter what happens.",
                               "The Lumen Pulse mobile app keeps working offline and syncs when the store is back online.")


def test_what_it_can_take_is_a_maximum() -> None:
    gateway = "One Keel gateway connects up to 100 sensors across 500 metres indoors."
    assert kinds("A single hub handles a hundred sensors spread over half a kilometre inside the building.", gateway) == []
    assert kinds("Every gateway has 100 sensors on it across 500 metres indoors.", gateway) == ["hedge"]


@pytest.mark.parametrize("claim, approved, said", [
    ("Sentinel's high-temperature model runs for up to 5 years on a single battery.",
     "Each Keel Sentinel sensor runs for up to 5 years on a single battery.", "high-temperature model"),
    ("The stainless-steel Keel Sentinel model is rated IP68 and works from -40 °C to 85 °C.",
     "Keel Sentinel sensors are rated IP68 and work from -40 °C to 85 °C.", "stainless-steel model"),
])
def test_one_model_named_beside_the_product(claim: str, approved: str, said: str) -> None:
    found = compare(claim, approved, own_names=("Keel Sentinel", "Keel", "Sentinel"))
    assert [d.kind for d in found] == ["scope"] and f"'{said}'" in found[0].reason


@pytest.mark.parametrize("claim, approved", [
    ("Pulse won't do anything to cut down how often products run out on the shelf.",
     "Stores using Lumen Pulse reduce stockouts by up to 25%."),
    ("Don't pitch fewer empty shelves: stockout rates at Lumen Pulse stores stay roughly where they were.",
     "Stores using Lumen Pulse reduce stockouts by up to 25%."),
    ("Don't expect Sentinel to change how often your lines stop without warning.",
     "Plants using Keel Sentinel cut unplanned downtime by up to 40%."),
])
def test_a_denial_of_the_cut_the_platform_promises(claim: str, approved: str) -> None:
    from msgcheck.compare import denies_the_cut

    assert denies_the_cut(claim, approved)


def test_no_denial_of_the_cut() -> None:
    from msgcheck.compare import denies_the_cut

    cut = "Stores using Lumen Pulse reduce stockouts by up to 25%."
    assert not denies_the_cut("Stores see up to a quarter fewer empty shelves.", cut)
    assert not denies_the_cut("Pulse won't change how your team works.", cut)  # no stockouts named
    assert not denies_the_cut("Pulse won't let shelves run out.", "Low-stock alerts reach the store team before the shelf is empty.")


@pytest.mark.parametrize("claim, lags", [
    ("Heads up: Lumen Pulse numbers can lag the tills by several minutes.", True),
    ("Fair warning: the dashboard figures trail well behind the till, so it's not something to watch live.", True),
    ("What's on the screen never lags the tills by more than five seconds.", False),
    ("Your store numbers are never more than five seconds stale.", False),
    ("Tired of stale numbers? Pulse pulls fresh figures every five seconds.", False),
    ("Dashboards update every five seconds, so stale numbers are a thing of the past.", False),
])
def test_data_said_to_lag_where_the_platform_says_it_is_fresh(claim: str, lags: bool) -> None:
    from msgcheck.compare import says_it_lags

    assert bool(says_it_lags(claim, "Lumen Pulse dashboards refresh every 5 seconds.")) is lags


@pytest.mark.parametrize("claim, approved, slow", [
    ("Wiring their tills into Lumen Pulse is a multi-week IT project.", "Connect your point-of-sale system in under an hour.", True),
    ("Plugging in your register system is a long project - think weeks of IT work.",
     "Connect your point-of-sale system in under an hour.", True),
    ("Opening an account is a slow, drawn-out process.", "Open a Fernway Business account online in about 10 minutes.", True),
    ("Built-in price optimisation suggests markdowns for your slow sellers.",
     "Connect your point-of-sale system in under an hour.", False),
    ("Hook up your tills within the hour.", "Connect your point-of-sale system in under an hour.", False),
])
def test_slow_where_the_platform_says_quick(claim: str, approved: str, slow: bool) -> None:
    from msgcheck.compare import plain_opposite

    assert bool(plain_opposite(claim, approved)) is slow


def test_no_person_on_the_phone_where_the_platform_promises_one() -> None:
    from msgcheck.compare import plain_opposite

    support = "You reach a real person on the phone in under 2 minutes, 7 days a week."
    assert plain_opposite("Support is by chat and email only — there's no phone line.", support)
    assert not plain_opposite("A real person answers, not a bot.", support)
