"""The scenario: what a campaign manager writes in TOML, as frozen values.

Each class is one table of the format; each field one key. Meanings, defaults and bounds are
declared with :func:`campaignsim.model.fields.field` and reused by the loader, the JSON Schema and
the docs. Values hold no behaviour: rules and the simulator read them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from campaignsim.model.extension import check_declared
from campaignsim.model.fields import WORLD_POPULATION, field, value_class

DRAW_KINDS = ("random", "first_come", "judged", "everyone", "instant_win")
POST_KINDS = ("launch", "reminder", "repost", "winner_announcement", "post", "live")
CAMPAIGN_KINDS = ("giveaway", "contest", "sweepstakes", "kol", "live_draw", "referral")
DISCLOSURES = (
    "prize_types", "prize_names", "prize_quantity", "prize_value", "odds", "entry_conditions",
    "entry_method", "how_to_enter", "free_route", "start_date", "closing_date", "draw_time",
    "draw_method", "redemption", "delivery_method", "forfeit_conditions", "claim_window",
    "winner_notification", "proof_of_purchase", "restrictions", "eligibility", "organiser",
    "promoter_address", "rules", "exchange_rules", "voucher_scope", "voucher_validity",
    "privacy_notice", "postage", "void_regions",
)
PRIZE_CATEGORIES = (
    "physical", "digital", "cash", "gift_card", "voucher", "travel", "experience", "electronics", "food", "alcohol",
    "tobacco", "vape", "cannabis", "gambling", "weapon", "prescription_drug", "medicine", "vehicle", "lottery_ticket",
    "financial_product", "other",
)
"""What a prize is, for rules on restricted prizes: alcohol, tobacco, vapes, cannabis, gambling (casino credit, bets),
lottery tickets, weapons and prescription drugs each have their own age limits or bans."""
DRAW_OBSERVERS = ("none", "staff", "independent", "notary", "public_official")


@value_class
class Money:
    """An amount in a currency."""

    amount: float = field(doc="Amount, ≥ 0.", ge=0, example=30000)
    currency: str = field(doc="ISO 4217 currency code.", check="currency", example="CNY")


@value_class
class Campaign:
    """`[campaign]`: who runs what, when and where."""

    name: str = field(doc="Campaign name, shown in reports.", example="Spring tea lucky draw")
    brand: str = field(doc="The brand or organiser running it.", example="Acme Tea")
    start: datetime = field(doc="When entries open: a TOML datetime with offset.", example="2027-03-01T10:00:00+08:00")
    end: datetime = field(doc="When entries close: a TOML datetime with offset, after `start`.", example="2027-03-08T22:00:00+08:00")
    jurisdictions: tuple[str, ...] = field(
        default=(), doc="Where the promotion runs: ISO 3166-1 country or ISO 3166-2 subdivision codes (CN, US, US-NY, GB). "
        "Defaults to the platform's home jurisdictions.", check="region", example=["CN"],
    )
    budget: Optional[Money] = field(default=None, doc="Total budget (prizes, ads, fees): gives cost per entrant.")
    kind: str = field(default="giveaway", doc="What sort of promotion this is.", choices=CAMPAIGN_KINDS)
    live: bool = field(default=False, doc="The draw happens during a live stream.")
    expected_entrants: Optional[int] = field(default=None, doc="The organiser's own estimate, for comparison with the simulation.", ge=0, le=WORLD_POPULATION)
    excluded: tuple[str, ...] = field(
        default=(), doc="Regions inside `jurisdictions` where the promotion is void: ISO 3166-1 or ISO 3166-2 codes, so that "
        "\"open to US residents, void in New York and Florida\" is `jurisdictions = [\"US\"]`, `excluded = [\"US-NY\", \"US-FL\"]`. "
        "Rules for an excluded region do not apply.", check="region", example=["US-NY", "US-FL"],
    )
    retail_outlets: bool = field(default=False, doc="The promotion advertises a business with physical shops where it runs: some rules apply only then "
                                 "(Rhode Island registers chance promotions of retail establishments with prizes over 500 USD).")


@value_class
class Platform:
    """`[platform]`: where the campaign runs. Keys beyond these belong to the platform plugin."""

    name: str = field(doc="A platform that a loaded plugin provides (`campaignsim plugins` lists them).", example="wechat")
    account: Optional[str] = field(default=None, doc="Account kind; the platform plugin defines the allowed kinds.", example="subscription")
    registered: Optional[date] = field(default=None, doc="When the brand's account was registered (a TOML date).", example="2019-06-01")
    comments_enabled: Optional[bool] = field(default=None, doc="Whether comments are switched on for the account's posts.")
    followers: Optional[int] = field(default=None, doc="Followers of the brand's account.", ge=0, le=WORLD_POPULATION, example=120000)
    extras: tuple[tuple[str, object], ...] = field(default=(), doc="Platform-specific keys, validated by the platform plugin.")

    def extra(self, key: str, default=None):
        """A platform-specific key's value, or ``default`` when the scenario leaves it out. A key that no
        loaded platform declares raises KeyError: a typo must not read as "not set"."""
        for name, value in self.extras:
            if name == key:
                return value
        check_declared("platform", key)
        return default


@value_class
class Audience:
    """`[audience]`: who can see the campaign. All keys optional."""

    reach: Optional[int] = field(default=None, doc="People expected to see the launch post; default from the platform and `platform.followers`.", ge=0, le=WORLD_POPULATION, example=30000)
    size: Optional[int] = field(default=None, doc="Everyone who could be reached at all, shares included (the cascade's ceiling); default 20 × reach.", ge=0, le=WORLD_POPULATION)
    interest: Optional[float] = field(default=None, doc="Mean interest in the brand among those reached, 0 to 1; default 0.5 (assumption).", ge=0, le=1)
    minors_possible: Optional[bool] = field(default=None, doc="Whether people under 14 may be among the entrants.")
    min_age: Optional[int] = field(default=None, doc="Minimum entrant age stated in the terms.", ge=0, le=130)


@value_class
class EntryStep:
    """One entry of `[[entry.steps]]`: an action the entrant must complete, with the action's own fields."""

    action: str = field(doc="An entry action that a loaded plugin provides: follow, like, comment, repost, share, tag_friends, screenshot, form, purchase, ugc_upload, visit, vote, collect_likes, invite, …", example="share")
    count: Optional[int] = field(default=None, doc="How many: friends to share with or tag, likes to collect, people to invite.", ge=1, le=WORLD_POPULATION)
    to: Optional[str] = field(default=None, doc="Where a share goes: friends, moments, group, timeline, story, chat.", example="friends")
    send_to: Optional[str] = field(default=None, doc="Where proof (a screenshot) is sent.", example="official_account")
    fields: tuple[str, ...] = field(default=(), doc="Form fields asked for (name, phone, address, id_number, email, …).")
    amount: Optional[Money] = field(default=None, doc="What a purchase or fee costs the entrant.")
    account_platform: Optional[str] = field(default=None, doc="For follow: the platform of the account to follow, when not the campaign's own.")
    hashtag: Optional[str] = field(default=None, doc="Hashtag an entrant's post must carry.")
    url: Optional[str] = field(default=None, doc="Page an entrant must visit.")
    external: bool = field(default=False, doc="The step takes the entrant off the platform (another app or site).")
    optional: bool = field(default=False, doc="A bonus step: not required to enter.")
    worth: int = field(default=1, doc="Entries the step earns (bonus entries).", ge=0, le=1000)
    accurate_tagging: Optional[bool] = field(default=None, doc="For tag steps: false when people are asked to tag someone in content they do not appear in.")
    marketing_opt_in: Optional[str] = field(default=None, doc="For form steps: whether marketing consent is asked: `required` or `optional`.", choices=("required", "optional", "none"))
    extras: tuple[tuple[str, object], ...] = field(default=(), doc="Action-specific keys, validated by the action's plugin.")

    def extra(self, key: str, default=None):
        """An action-specific key's value, or ``default`` when the step leaves it out. A key that no
        loaded action declares raises KeyError: a typo must not read as "not set"."""
        for name, value in self.extras:
            if name == key:
                return value
        check_declared("step", key)
        return default


@value_class
class Entry:
    """`[entry]`: how to enter."""

    steps: tuple[EntryStep, ...] = field(doc="The ordered actions an entrant must complete.")
    free_alternative: Optional[str] = field(default=None, doc="A free way to enter when a step costs money (AMOE), described in words.")
    free_alternative_equal: Optional[bool] = field(default=None, doc="Whether the free way gives the same chance as the paid one.")
    entries_per_day: Optional[int] = field(default=None, doc="How often one person may enter per day.", ge=1, le=1_000_000)
    max_entries_per_person: Optional[int] = field(default=None, doc="Cap on entries per person over the campaign.", ge=1)
    skill_element: bool = field(default=False, doc="Winning depends on skill (a judged answer), not chance alone.")
    bought_engagement: bool = field(default=False, doc="The campaign buys followers, likes, comments or entries.")
    purchase_at_normal_price: Optional[bool] = field(default=None, doc="Purchase steps sell at the usual price, not raised to pay for the chance to win "
                                                     "(then, under the UK Gambling Act 2005 Sch. 2 para 2(c), the purchase is not paying to enter).")


@value_class
class PrizeItem:
    """One entry of `[[prize.items]]`."""

    name: str = field(doc="What the winner gets, specifically (\"Tea gift box, 500 g\").", example="Tea gift box")
    value: float = field(doc="Market value of one unit, ≥ 0.", ge=0, example=298)
    currency: str = field(doc="ISO 4217 currency code of `value`.", check="currency", example="CNY")
    quantity: int = field(default=1, doc="How many of this prize, ≥ 1.", ge=1, le=WORLD_POPULATION)
    cash: bool = field(default=False, doc="The prize is cash (or a cash transfer / red packet).")
    kind: str = field(default="physical", doc="physical, digital, voucher, points, cash or experience.", choices=("physical", "digital", "voucher", "points", "cash", "experience"))
    image_matches: Optional[bool] = field(default=None, doc="Whether the promotional image shows exactly this prize.")
    category: Optional[str] = field(default=None, doc="What the prize is, for rules on restricted prizes (alcohol, tobacco, vape, "
                                    "gambling, weapon, prescription_drug, …) and age limits. Known categories: "
                                    + ", ".join(PRIZE_CATEGORIES) + ".", choices=PRIZE_CATEGORIES, example="alcohol")


@value_class
class Prize:
    """`[prize]`: what can be won and how winners are chosen."""

    draw: str = field(doc="How winners are chosen.", choices=DRAW_KINDS, example="random")
    draw_at: Optional[datetime] = field(default=None, doc="When the draw or judging takes place.")
    draw_method: Optional[str] = field(default=None, doc="How the draw is done, in words (\"random.org draw, recorded\").")
    draw_tool: Optional[str] = field(default=None, doc="Platform draw tool used (weibo_lottery, fudai, xhs_lottery, …).")
    verifiable: Optional[bool] = field(default=None, doc="The draw is a verifiably random computer process or recorded.")
    independent_observer: Optional[bool] = field(default=None, doc="An independent person supervises the draw or judging.")
    excludes_staff: Optional[bool] = field(default=None, doc="Staff, partners and their families are excluded from winning.")
    pre_filed: Optional[bool] = field(default=None, doc="The draw was filed with the platform in advance (e.g. Weibo lottery platform).")
    instalments: bool = field(default=False, doc="Prizes are paid in instalments or over a long period.")
    conditional: bool = field(default=False, doc="The prize may be withheld if entries or sales fall short.")
    gift_required: bool = field(default=False, doc="Live draws: entrants must send a paid gift first.")
    prizes_per_winner: int = field(default=1, doc="How many prize units one winner may receive (1: each winner gets one prize; "
                                   "more when one person can win several draws or a prize bundle). Per-winner caps and "
                                   "tax thresholds are judged on the most valuable prizes one winner can receive.",
                                   ge=1, le=WORLD_POPULATION)
    observer: Optional[str] = field(default=None, doc="Who supervises the draw: `staff`, an `independent` person, a `notary` or a "
                                    "`public_official` (such as an Italian Chamber of Commerce official).", choices=DRAW_OBSERVERS)
    skill_testing_question: Optional[bool] = field(default=None, doc="Winners of a chance draw must answer a skill-testing question "
                                                   "(a mathematical question, as Canadian promotions use) before they are confirmed.")
    items: tuple[PrizeItem, ...] = field(doc="The prizes.")


@value_class
class Registration:
    """One entry of `[[terms.registrations]]`: a filing with an authority."""

    jurisdiction: str = field(doc="Where it was filed (US-NY, US-FL, US-RI, IT, AU-ACT, …).", check="region")
    filed_on: Optional[date] = field(default=None, doc="Filing date.")
    bonded: bool = field(default=False, doc="A bond, trust account or guarantee deposit covers the prize total.")
    permit: Optional[str] = field(default=None, doc="Permit or licence number granted, where the authority grants one.")


@value_class
class Fulfilment:
    """`[fulfilment]`: the promise made to winners. All optional: a missing promise is a lint finding."""

    announce_winners_within_days: Optional[float] = field(default=None, doc="Days after the draw by which winners are announced.", ge=0, le=3650)
    announce_channel: Optional[str] = field(default=None, doc="Where winners are announced (article, post, comment, direct message, …).")
    public_winner_list: Optional[bool] = field(default=None, doc="Whether a (masked) winner list is published.")
    deliver_within_days: Optional[float] = field(default=None, doc="Days after the draw by which prizes are delivered.", ge=0, le=3650)
    claim_window_days: Optional[float] = field(default=None, doc="Days a winner has to claim a prize.", ge=0, le=3650)
    unclaimed: Optional[str] = field(default=None, doc="What happens to an unclaimed prize.", choices=("redraw", "forfeit", "donate", "next_campaign"))
    owner: Optional[str] = field(default=None, doc="Who inside the organisation is responsible for delivering prizes.")
    contact: Optional[str] = field(default=None, doc="How entrants reach the organiser (email, phone, account).")
    response_time_hours: Optional[float] = field(default=None, doc="Promised time to answer entrants' questions and complaints, in hours.", ge=0, le=8760)
    delivery_track_record: Optional[float] = field(default=None, doc="Share of the brand's past prizes delivered on time, 0 to 1.", ge=0, le=1)
    postage: Optional[str] = field(default=None, doc="Who pays postage.", choices=("free", "winner_pays"))
    tracking_numbers: Optional[bool] = field(default=None, doc="Shipment tracking numbers are published or sent to winners.")
    records_kept_years: Optional[float] = field(default=None, doc="How long the prize rules, announcements, draw results and winners' "
                                                "records are kept, in years (China: at least 2).", ge=0, le=100, example=2)
    instant_win_display: Optional[bool] = field(default=None, doc="Instant wins: redemptions of the larger prizes are shown publicly "
                                                "as they happen, on a live winners board (China: prizes above 500 CNY).")


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORKING_WEEK = ("mon", "tue", "wed", "thu", "fri")


@value_class
class Operations:
    """`[operations]`: the people and capacity behind the promise: prize dispatch, courier transit, winners' claims
    and the support desk. All optional; what is left out takes the simulation default named in its meaning (see
    the `[simulation]` table below for the value and its source). Times of day and weekdays are in the campaign's
    own time zone, the UTC offset of `campaign.start`."""

    dispatch_per_day: Optional[int] = field(default=None, doc="Parcels the fulfilment team can hand to the courier per working day. "
                                            "Default `simulation.default_dispatch_per_day`.", ge=1, le=WORLD_POPULATION, example=50)
    dispatch_days: tuple[str, ...] = field(default=WORKING_WEEK, doc="Weekdays on which parcels go out.", choices=WEEKDAYS)
    dispatch_starts_days: Optional[float] = field(default=None, doc="Days after the draw before the first parcel can go (stock in hand, "
                                                  "addresses collected). Default `simulation.default_dispatch_start_days`; with no "
                                                  "`fulfilment.owner` and no `dispatch_per_day`, nobody plans dispatch and the start "
                                                  "is drawn with mean `simulation.unplanned_dispatch_start_days`.", ge=0, le=3650)
    transit_days: Optional[float] = field(default=None, doc="Mean courier transit time from hand-over to delivery, in days. "
                                          "Default `simulation.default_transit_days`.", gt=0, le=365, example=3)
    transit_spread: Optional[float] = field(default=None, doc="Spread of the transit time: its standard deviation ÷ its mean (0 for a fixed time). "
                                            "Default `simulation.default_transit_spread`.", ge=0, le=10)
    transit_distribution: str = field(default="lognormal", doc="Shape of the transit time distribution (`exponential` ignores `transit_spread`).",
                                      choices=("lognormal", "gamma", "exponential", "fixed"))
    winner_response_share: Optional[float] = field(default=None, doc="Share of notified winners who answer at all, 0 to 1. "
                                                   "Default `simulation.default_winner_response_share`.", ge=0, le=1)
    winner_response_days: Optional[float] = field(default=None, doc="Mean days (exponential) a responding winner takes to claim, from the "
                                                  "announcement. Claims after `fulfilment.claim_window_days` are too late. "
                                                  "Default `simulation.default_winner_response_days`.", ge=0, le=365)
    support_agents: Optional[int] = field(default=None, doc="People answering entrants' and winners' questions at the same time. "
                                          "Default `simulation.default_support_agents`.", ge=0, le=100_000, example=2)
    support_days: tuple[str, ...] = field(default=WORKING_WEEK, doc="Weekdays on which the support desk is staffed.", choices=WEEKDAYS)
    support_opens: float = field(default=9.0, doc="Hour of the day the support desk opens (0 to 24, local time).", ge=0, le=24)
    support_closes: float = field(default=18.0, doc="Hour of the day the support desk closes, after `support_opens` (local time).", ge=0, le=24)
    handling_minutes: Optional[float] = field(default=None, doc="Mean minutes (exponential) an agent spends on one question. "
                                              "Default `simulation.default_handling_minutes`.", gt=0, le=10_000, example=10)


@value_class
class Terms:
    """`[terms]`: the published terms and what they disclose."""

    url: Optional[str] = field(default=None, doc="Where the full terms are published.", check="url")
    discloses: tuple[str, ...] = field(default=(), doc="What the terms state. Known items: " + ", ".join(DISCLOSURES) + ".", choices=DISCLOSURES)
    platform_release: Optional[bool] = field(default=None, doc="Terms release the platform (Meta) from liability.")
    platform_disclaimer: Optional[bool] = field(default=None, doc="Terms say the platform does not sponsor, endorse or administer the promotion.")
    multiple_accounts_rule: Optional[bool] = field(default=None, doc="Terms disqualify people who enter with several accounts.")
    changed_after_start: bool = field(default=False, doc="The terms are changed after the campaign started (less favourably).")
    registrations: tuple[Registration, ...] = field(default=(), doc="Filings with authorities.")
    languages: tuple[str, ...] = field(default=(), doc="Languages the rules and the promotion are published in, as ISO 639-1 codes "
                                       "(en, fr, zh, …).", check="language", example=["en", "fr"])


TRANSFER_MECHANISMS = ("security_assessment", "certification", "standard_contract", "exempt")


@value_class
class Privacy:
    """`[privacy]`: how entrants' and winners' personal information is handled, beyond the entry forms. All optional."""

    winner_fields: tuple[str, ...] = field(default=(), doc="What winners are asked for to claim a prize (name, phone, address, "
                                           "id_number for tax, …), where it is more than the entry form asks.",
                                           example=["name", "phone", "address", "id_number"])
    sensitive_consent: Optional[bool] = field(default=None, doc="Sensitive personal information (ID numbers, bank accounts, health, "
                                              "biometrics, precise location) is collected under its own, separate consent "
                                              "that says why it is needed and how it affects the person.")
    transfer_abroad: Optional[bool] = field(default=None, doc="Entrants' or winners' personal information leaves the country it "
                                            "was collected in (a global CRM, an agency or fulfilment house abroad, storage abroad).")
    transfer_consent: Optional[bool] = field(default=None, doc="For a transfer abroad: people are told who receives their data, "
                                             "where and for what, and give separate consent to it.")
    transfer_mechanism: Optional[str] = field(default=None, doc="For a transfer abroad from China: the legal route "
                                              "(PIPL Art. 38), or `exempt` where an exemption applies.",
                                              choices=TRANSFER_MECHANISMS)


@value_class
class ScheduledPost:
    """One entry of `[[schedule]]`: a planned post."""

    at: datetime = field(doc="When it goes out (TOML datetime with offset).")
    kind: str = field(default="post", doc="What it is.", choices=POST_KINDS)
    channel: str = field(default="feed", doc="How it goes out: feed, mass_push (WeChat group send), story, group, live, article, ad.")
    reach: Optional[int] = field(default=None, doc="People it reaches; default: the launch reach × the platform's repost factor.", ge=0, le=WORLD_POPULATION)


@value_class
class Content:
    """`[content]`: what the posts say, as far as rules need it."""

    hashtags: tuple[str, ...] = field(default=(), doc="Hashtags the posts use.")
    hot_topics: tuple[str, ...] = field(default=(), doc="Trending topics the posts attach themselves to.")
    brand_related_topics: tuple[str, ...] = field(default=(), doc="Of `hot_topics`/`hashtags`, those related to the brand or product.")
    kol_paid: bool = field(default=False, doc="A paid KOL/influencer posts about the campaign.")
    ad_label: bool = field(default=False, doc="Posts are labelled as advertising (\"广告\", #ad).")
    purchase_link: bool = field(default=False, doc="Posts carry a shopping link.")
    mentions_prize: bool = field(default=True, doc="The post or ad mentions the prize.")
    ad_prize_details: tuple[str, ...] = field(default=(), doc="Prize details the ad itself states: variety, spec, quantity, period, method.", choices=("variety", "spec", "quantity", "period", "method"))
    implies_platform_endorsement: bool = field(default=False, doc="The copy suggests the platform endorses the promotion.")


@value_class
class LintIgnore:
    """One entry of `[lint] ignore`: a rule this scenario does not want, with the reason."""

    code: str = field(doc="Rule code, prefix or name.")
    reason: Optional[str] = field(default=None, doc="Why; an ignore without one is itself a finding.")


@value_class
class LintSettings:
    """`[lint]`: rule selection for this scenario."""

    select: tuple[str, ...] = field(default=(), doc="Only these rules (codes, prefixes or names).")
    extend_select: tuple[str, ...] = field(default=(), doc="Rules added to the selection.")
    ignore: tuple[LintIgnore, ...] = field(default=(), doc="Rules not applied to this scenario, each `{ code = \"…\", reason = \"…\" }`.")
    rules: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = field(
        default=(), doc="Rule options for this scenario, as under `[tool.campaignsim.rules.CODE]`: `[lint.rules.GEN007] max_minutes = 8` "
                "(`campaignsim explain CODE` lists a rule's options). They apply over the settings file's.")


@value_class
class Scenario:
    """A complete campaign (the base, or one variant merged onto it)."""

    campaign: Campaign = field(doc="The campaign.")
    platform: Platform = field(doc="The platform.")
    entry: Entry = field(doc="How to enter.")
    prize: Prize = field(doc="The prizes.")
    audience: Audience = field(default=Audience(), doc="The audience.")
    fulfilment: Fulfilment = field(default=Fulfilment(), doc="The promise to winners.")
    operations: Operations = field(default=Operations(), doc="Dispatch, transit, winners' claims and the support desk behind the promise.")
    terms: Terms = field(default=Terms(), doc="The terms.")
    schedule: tuple[ScheduledPost, ...] = field(default=(), doc="Planned posts (`[[schedule]]`).")
    content: Content = field(default=Content(), doc="What the posts say.")
    privacy: Privacy = field(default=Privacy(), doc="How personal information is handled.")
    lint: LintSettings = field(default=LintSettings(), doc="Lint settings.")
    simulation: tuple[tuple[str, float], ...] = field(default=(), doc="Overrides of simulation parameters (`campaignsim simulate --help-params` lists them).")
    variant: Optional[str] = field(default=None, doc="Name of the variant, None for the base.")

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        return self.campaign.jurisdictions

    def simulation_overrides(self) -> dict[str, float]:
        return dict(self.simulation)
