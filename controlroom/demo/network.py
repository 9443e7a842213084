"""A deterministic, Pingyi-sized video network for the demo platform.

The demo platform serves this inventory through the real API, so the client is
exercised at the size it is built for: 1 county dispatch centre, 15 police
stations and 15 central police offices, 515 village platforms, 1,080 grids
(网格) and 28,500 cameras. Everything is derived from one seed, so two builds
are equal and a test can name a camera (北武台社区村口, the seed's own example)
and find it again.

The geography is synthetic: the county is laid out around the real centre of
Pingyi (lon 117.64, lat 35.51), about 50 km across, with the county seat in
the middle and the other towns in a ring around it. No real places, people or
phone numbers are modelled; names only look plausible.

Plain Python and msgspec structs: no Qt.
"""

from __future__ import annotations

import gc
import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from controlroom.api.schema import (
    TYPE_CAMERA,
    TYPE_CENTRE,
    TYPE_VIRTUAL_ORG,
    Camera,
    CameraKind,
    ConferenceRoom,
    Grid,
    GridMember,
    GridStatus,
    InventoryCounts,
    Participant,
    Point,
    Role,
    Scope,
    Site,
    SiteKind,
    StreamProfile,
    Tier,
    Transport,
    User,
)

__all__ = [
    "COUNTY_CODE",
    "COUNTY_NAME",
    "TOWNS",
    "DemoUser",
    "Network",
    "build_network",
    "cameras_for_scope",
    "grids_for_scope",
    "in_scope",
    "sites_for_scope",
    "town_of_id",
]

StreamUrls = Callable[[str, str], dict[Transport, str]]

COUNTY_CODE = "371326"  # GB/T 2260: Pingyi County, Linyi City, Shandong
COUNTY_NAME = "平邑县社会治安指挥中心"
CENTRE_LON, CENTRE_LAT = 117.64, 35.51

# Town number n (1-based) is TOWNS[n - 1]; the number is also the 2-digit
# grassroots unit in every id of that town, so an id tells its town.
TOWNS: tuple[str, ...] = (
    "平邑街道",
    "仲村镇",
    "武台镇",
    "保太镇",
    "柏林镇",
    "卞桥镇",
    "地方镇",
    "铜石镇",
    "温水镇",
    "流峪镇",
    "郑城镇",
    "白彦镇",
    "临涧镇",
    "丰阳镇",
    "经济开发区",
)
SEAT_TOWN = 1  # 平邑街道, the county seat
ZONE_TOWN = 15  # 经济开发区, next to the seat

N_VILLAGES = 515
N_GRIDS = 1080
N_CAMERAS = 28_500

MAIN_PROFILE: tuple[Literal["main", "sub"], int, int] = ("main", 1280, 720)
SUB_PROFILE: tuple[Literal["main", "sub"], int, int] = ("sub", 640, 360)
FPS = 25.0
CODEC = "h264"

# GB/T 28181 industry codes (digits 9-10): 00 social-security road access,
# 01 social-security community access, 03 other social-security access,
# 05 traffic checkpoint access.
_INDUSTRY_PLATFORM = "00"
_INDUSTRY: dict[CameraKind, str] = {
    CameraKind.VILLAGE: "01",
    CameraKind.ROAD: "00",
    CameraKind.CHECKPOINT: "05",
    CameraKind.SOCIAL: "03",
}
# Network digit (digit 14): 0 = the private video network (here: over the
# cable-TV network); 8 = social resources brought in from outside.
_NETWORK: dict[CameraKind, str] = {
    CameraKind.VILLAGE: "0",
    CameraKind.ROAD: "0",
    CameraKind.CHECKPOINT: "0",
    CameraKind.SOCIAL: "8",
}

# Rings and defence lines go together: the county border is the first line.
RINGS: dict[str, str] = {
    "ring:county-border": "line:1",
    "ring:suburb": "line:2",
    "ring:city": "line:3",
}

ROADS = ("G205", "G327", "S229", "S332", "S233", "日兰高速")
DIRECTIONS = ("东", "西", "南", "北")
VILLAGE_SPOTS = (
    "村口", "广场", "村委会", "主街", "后街", "学校门口", "卫生室", "文化大院",
    "桥头", "池塘", "小卖部", "十字路口", "东口", "西口", "南口", "北口",
    "养殖场", "果园", "水库", "停车场",
)  # fmt: skip
SOCIAL_SPOTS = (
    "超市", "银行网点", "加油站", "中学", "小学", "卫生院", "集市", "汽车站",
    "商业街", "宾馆", "饭店", "快递网点", "物流园", "工地", "幼儿园", "农贸市场",
)  # fmt: skip

# Village-name parts: a direction, then a surname- or landscape-based core,
# then 村 or 社区. Plausible, not real.
_PREFIXES = ("东", "西", "南", "北", "前", "后", "大", "小", "上", "下", "中")
_SURNAMES = (
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
    "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐",
    "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭",
    "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "颜", "孔",
)  # fmt: skip
_SURNAME_ENDS = ("庄", "家庄", "家村", "家洼", "家峪", "家沟", "家岭", "官庄", "家楼", "家埠")
_NATURE = (
    "石", "柳", "杏", "桃", "枣", "梨", "松", "柏", "槐", "榆", "竹", "泉", "河",
    "山", "岭", "龙", "凤", "白", "青", "黄", "红", "金", "银", "马", "牛", "鹿",
)  # fmt: skip
_NATURE_ENDS = (
    "沟", "峪", "岭", "泉", "湖", "庄", "河", "坡", "洼", "崖", "山", "峰", "营",
    "屯", "店", "桥", "埠", "旺", "台", "坊", "园", "寨",
)  # fmt: skip
_GIVEN = (
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
    "明", "超", "秀英", "桂英", "建华", "建国", "玉兰", "德胜", "文斌", "海燕",
    "志强", "春梅", "立新", "红梅", "国庆", "长青", "学军",
)  # fmt: skip

GRID_REASONS: dict[GridStatus, tuple[str, ...]] = {
    GridStatus.NORMAL: ("",),
    GridStatus.ATTENTION: (
        "夜间巡逻力量不足",
        "重点人员走访未完成",
        "防汛隐患点待排查",
        "集市人流密集",
        "独居老人走访待落实",
        "矛盾纠纷待化解",
    ),
    GridStatus.INCIDENT: (
        "村民纠纷现场处置中",
        "疑似盗窃警情处置中",
        "交通事故现场处置中",
        "火情处置中",
        "走失老人搜寻中",
    ),
    GridStatus.NO_COVERAGE: (
        "监控点位故障待修",
        "有线电视光缆中断",
        "新建网格尚未接入监控",
        "村级平台断电",
    ),
}


# nominal bit rates of the demo clips (controlroom/demo/media/clips.py)
_BITRATE_KBPS = {"main": 1200, "sub": 400}


def _desk(town: int) -> str:
    """The username of a town's police-station desk."""
    return f"town{town:02d}"


@dataclass(frozen=True)
class DemoUser:
    """A demo login. The passwords are for the demo platform only."""

    username: str
    password: str
    display_name: str
    role: Role
    towns: tuple[int, ...] | None  # None = the whole county

    def to_user(self) -> User:
        """The wire form, without the password."""
        return User(
            username=self.username,
            display_name=self.display_name,
            role=self.role,
            scope=Scope(towns=list(self.towns) if self.towns is not None else None),
            # Meeting displays watch; they neither steer cameras nor close alerts.
            can_control=self.role is not Role.PRESENTER,
        )


@dataclass
class Network:
    """The whole inventory plus the indexes the demo platform needs."""

    sites: list[Site]
    cameras: list[Camera]
    grids: list[Grid]
    rooms: list[ConferenceRoom]
    users: list[DemoUser]
    stream_index: dict[str, int]  # camera id -> demo video stream 0..streams-1
    town_of_site: dict[str, int | None]  # site id -> town number (None: the county)
    streams: int = 16
    site_by_id: dict[str, Site] = field(default_factory=dict)
    camera_by_id: dict[str, Camera] = field(default_factory=dict)
    grid_by_id: dict[str, Grid] = field(default_factory=dict)
    room_by_id: dict[str, ConferenceRoom] = field(default_factory=dict)
    user_by_name: dict[str, DemoUser] = field(default_factory=dict)
    cameras_by_grid: dict[str, list[Camera]] = field(default_factory=dict)
    cameras_by_site: dict[str, list[Camera]] = field(default_factory=dict)
    grids_by_site: dict[str, list[Grid]] = field(default_factory=dict)
    sites_by_town: dict[int, list[Site]] = field(default_factory=dict)
    cameras_by_town: dict[int, list[Camera]] = field(default_factory=dict)
    grids_by_town: dict[int, list[Grid]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookups from the lists (membership never changes at run time)."""
        self.site_by_id = {s.id: s for s in self.sites}
        self.camera_by_id = {c.id: c for c in self.cameras}
        self.grid_by_id = {g.id: g for g in self.grids}
        self.room_by_id = {r.id: r for r in self.rooms}
        self.user_by_name = {u.username: u for u in self.users}
        self.cameras_by_grid = {g.id: [] for g in self.grids}
        self.cameras_by_site = {s.id: [] for s in self.sites}
        self.grids_by_site = {s.id: [] for s in self.sites}
        self.sites_by_town = {n: [] for n in range(1, len(TOWNS) + 1)}
        self.cameras_by_town = {n: [] for n in range(1, len(TOWNS) + 1)}
        self.grids_by_town = {n: [] for n in range(1, len(TOWNS) + 1)}
        for s in self.sites:
            if s.town is not None:
                self.sites_by_town[s.town].append(s)
        for c in self.cameras:
            self.cameras_by_site[c.site_id].append(c)
            if c.grid_id is not None:
                self.cameras_by_grid[c.grid_id].append(c)
            town = self.town_of_site[c.site_id]
            if town is not None:
                self.cameras_by_town[town].append(c)
        for g in self.grids:
            self.grids_by_site[g.site_id].append(g)
            town = self.town_of_site[g.site_id]
            if town is not None:
                self.grids_by_town[town].append(g)

    @property
    def county(self) -> Site:
        return self.sites[0]

    def town_name(self, town: int) -> str:
        return TOWNS[town - 1]

    def town_of_camera(self, camera_id: str) -> int | None:
        return self.town_of_site[self.camera_by_id[camera_id].site_id]

    def town_of_grid(self, grid_id: str) -> int | None:
        return self.town_of_site[self.grid_by_id[grid_id].site_id]

    def counts(self) -> InventoryCounts:
        tiers = {t: 0 for t in Tier}
        for s in self.sites:
            tiers[s.tier] += 1
        return InventoryCounts(
            sites_county=tiers[Tier.COUNTY],
            sites_town=tiers[Tier.TOWN],
            sites_village=tiers[Tier.VILLAGE],
            cameras=len(self.cameras),
            grids=len(self.grids),
        )

    def authenticate(self, username: str, password: str) -> DemoUser | None:
        user = self.user_by_name.get(username)
        if user is None or user.password != password:
            return None
        return user


# --------------------------------------------------------------------------- scope


def town_of_id(gb_id: str) -> int | None:
    """The town encoded in an id of this network (digits 7-8; 00 = the county)."""
    town = int(gb_id[6:8])
    return town or None


def in_scope(towns: Iterable[int] | None, town: int | None) -> bool:
    """Whether something in ``town`` is visible to a user scoped to ``towns``.

    County-level things (town None) are visible to everyone: a town desk still
    sees the dispatch centre it reports to.
    """
    return towns is None or town is None or town in set(towns)


def sites_for_scope(net: Network, towns: Iterable[int] | None) -> list[Site]:
    if towns is None:
        return list(net.sites)
    wanted = set(towns)
    return [s for s in net.sites if s.town is None or s.town in wanted]


def cameras_for_scope(net: Network, towns: Iterable[int] | None) -> list[Camera]:
    if towns is None:
        return list(net.cameras)
    wanted = set(towns)
    # Walk the town buckets in town order and keep the network's own order
    # inside a town, so paging over the result is stable.
    return [c for n in sorted(wanted) for c in net.cameras_by_town.get(n, ())]


def grids_for_scope(net: Network, towns: Iterable[int] | None) -> list[Grid]:
    if towns is None:
        return list(net.grids)
    wanted = set(towns)
    return [g for n in sorted(wanted) for g in net.grids_by_town.get(n, ())]


# --------------------------------------------------------------------------- building


def _gb_id(town: int, industry: str, type_code: str, network: str, serial: int) -> str:
    return f"{COUNTY_CODE}{town:02d}{industry}{type_code}{network}{serial:06d}"


class _Geo:
    """Synthetic geography: towns are discs on a plane measured in km."""

    KM_PER_DEG_LAT = 110.57
    KM_PER_DEG_LON = 111.32 * math.cos(math.radians(CENTRE_LAT))

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.centre: dict[int, tuple[float, float]] = {}
        self.radius: dict[int, float] = {}
        self.centre[SEAT_TOWN] = (0.0, 0.0)
        self.radius[SEAT_TOWN] = 4.5
        # The development zone sits just east of the seat.
        self.centre[ZONE_TOWN] = (9.0, -1.0)
        self.radius[ZONE_TOWN] = 3.5
        # The 13 rural towns sit in a ring ~18 km out: the county is ~50 km across.
        ring = [n for n in range(1, len(TOWNS) + 1) if n not in (SEAT_TOWN, ZONE_TOWN)]
        for i, n in enumerate(ring):
            a = math.pi / 2 + 2 * math.pi * i / len(ring)
            r = 18.0 + rng.uniform(-1.0, 1.0)
            self.centre[n] = (r * math.cos(a), r * math.sin(a))
            self.radius[n] = 4.2

    def to_lonlat(self, x: float, y: float) -> Point:
        return (
            round(CENTRE_LON + x / self.KM_PER_DEG_LON, 6),
            round(CENTRE_LAT + y / self.KM_PER_DEG_LAT, 6),
        )

    def in_town(self, town: int, lo: float = 0.0, hi: float = 0.92) -> tuple[float, float]:
        """A point in the annulus lo..hi (fractions of the radius) of a town's disc."""
        cx, cy = self.centre[town]
        r = self.radius[town] * math.sqrt(self.rng.uniform(lo * lo, hi * hi))
        a = self.rng.uniform(0, 2 * math.pi)
        return cx + r * math.cos(a), cy + r * math.sin(a)

    def near(self, x: float, y: float, km: float) -> tuple[float, float]:
        a = self.rng.uniform(0, 2 * math.pi)
        r = km * math.sqrt(self.rng.random())
        return x + r * math.cos(a), y + r * math.sin(a)

    def polygon(self, x: float, y: float, km: float) -> list[Point]:
        """A star-shaped (so simple) polygon of 4-8 vertices around (x, y)."""
        n = self.rng.randint(4, 8)
        step = 2 * math.pi / n
        start = self.rng.uniform(0, step)
        pts = []
        for i in range(n):
            a = start + i * step + self.rng.uniform(-0.25, 0.25) * step
            r = km * self.rng.uniform(0.7, 1.0)
            pts.append(self.to_lonlat(x + r * math.cos(a), y + r * math.sin(a)))
        return pts


def _village_name(rng: random.Random) -> str:
    prefix = rng.choice(_PREFIXES) if rng.random() < 0.35 else ""
    if rng.random() < 0.55:
        core = rng.choice(_SURNAMES) + rng.choice(_SURNAME_ENDS)
    else:
        core = rng.choice(_NATURE) + rng.choice(_NATURE_ENDS)
    suffix = "社区" if rng.random() < 0.2 else "村"
    if core.endswith("村"):  # 王家村, not 王家村村
        suffix = "" if suffix == "村" else suffix
        core = core[:-1] if suffix else core
    return prefix + core + suffix


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


def _phone(rng: random.Random) -> str:
    # Masked the way Chinese apps show numbers, so no real number is printed.
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}****{rng.randint(0, 9999):04d}"


def _spread(rng: random.Random, total: int, n: int, lo: int, hi: int) -> list[int]:
    """Split ``total`` into ``n`` uneven parts, each within lo..hi."""
    counts = [lo] * n
    weights = [rng.uniform(0.3, 2.5) for _ in range(n)]
    left = total - lo * n
    if left < 0 or total > hi * n:
        raise ValueError(f"cannot split {total} into {n} parts of {lo}..{hi}")
    while left:
        open_ = [i for i in range(n) if counts[i] < hi]
        i = rng.choices(open_, weights=[weights[j] for j in open_])[0]
        counts[i] += 1
        left -= 1
    return counts


def _unique(name: str, used: set[str]) -> str:
    if name not in used:
        used.add(name)
        return name
    k = 2
    while f"{name}{k}号" in used:
        k += 1
    name = f"{name}{k}号"
    used.add(name)
    return name


class _Builder:
    def __init__(self, stream_urls: StreamUrls, seed: int, streams: int) -> None:
        self.stream_urls = stream_urls
        self.rng = random.Random(seed)
        self.streams = streams
        self.geo = _Geo(self.rng)
        self.sites: list[Site] = []
        self.cameras: list[Camera] = []
        self.grids: list[Grid] = []
        self.stream_index: dict[str, int] = {}
        self.town_of_site: dict[str, int | None] = {}
        # Per-town serial counters, one per GB type code: ids stay unique and
        # carry their town.
        self.serial: dict[tuple[int, str], int] = {}
        self._prefix: dict[tuple[int, str, str, str], str] = {}

    def next_id(self, town: int, industry: str, type_code: str, network: str = "0") -> str:
        key = (town, type_code)
        serial = self.serial[key] = self.serial.get(key, 0) + 1
        # Cheaper than formatting all 20 digits: this runs ~30,000 times.
        prefix = self._prefix.get((town, industry, type_code, network))
        if prefix is None:
            prefix = self._prefix[town, industry, type_code, network] = _gb_id(
                town, industry, type_code, network, 0
            )[:14]
        return prefix + str(serial).zfill(6)

    def add_site(
        self,
        town: int | None,
        name: str,
        tier: Tier,
        kind: SiteKind,
        parent: str | None,
        xy: tuple[float, float],
    ) -> Site:
        site = Site(
            id=self.next_id(town or 0, _INDUSTRY_PLATFORM, TYPE_CENTRE),
            name=name,
            tier=tier,
            kind=kind,
            parent_id=parent,
            town=town,
            online=True,
            location=self.geo.to_lonlat(*xy),
        )
        self.sites.append(site)
        self.town_of_site[site.id] = town
        return site

    def add_camera(
        self,
        town: int,
        site: Site,
        grid: Grid | None,
        kind: CameraKind,
        name: str,
        tags: list[str],
        xy: tuple[float, float],
        ptz_chance: float = 0.10,
    ) -> Camera:
        rng = self.rng
        cid = self.next_id(town, _INDUSTRY[kind], TYPE_CAMERA, _NETWORK[kind])
        streams = [
            StreamProfile(
                name=p, width=w, height=h, fps=FPS, codec=CODEC, urls=self.stream_urls(cid, p),
                bitrate_kbps=_BITRATE_KBPS[p],
            )
            for p, w, h in (MAIN_PROFILE, SUB_PROFILE)
        ]
        cam = Camera(
            id=cid,
            name=name,
            site_id=site.id,
            grid_id=grid.id if grid is not None else None,
            kind=kind,
            tags=tags,
            ptz=rng.random() < ptz_chance,
            online=rng.random() >= 0.03,
            streams=streams,
            location=self.geo.to_lonlat(*xy),
        )
        # The ordinal, not the serial: serials restart per town and would
        # favour low stream numbers.
        self.stream_index[cid] = len(self.cameras) % self.streams
        self.cameras.append(cam)
        return cam

    def build(self) -> Network:
        rng, geo = self.rng, self.geo
        county = self.add_site(
            None, COUNTY_NAME, Tier.COUNTY, SiteKind.DISPATCH_CENTRE, None, (0.3, 0.2)
        )
        n_towns = len(TOWNS)
        villages_per_town = _spread(rng, N_VILLAGES, n_towns, 20, 50)

        # Sites first (the tree), with names and points.
        stations: dict[int, Site] = {}
        offices: dict[int, Site] = {}
        villages: dict[int, list[tuple[Site, tuple[float, float]]]] = {}
        for n, town in enumerate(TOWNS, start=1):
            cx, cy = geo.centre[n]
            stations[n] = self.add_site(
                n, f"{town}派出所", Tier.TOWN, SiteKind.POLICE_STATION, county.id, (cx, cy)
            )
            offices[n] = self.add_site(
                n,
                f"{town}中心警务室",
                Tier.TOWN,
                SiteKind.POLICE_OFFICE,
                county.id,
                geo.near(cx, cy, 1.0),
            )
            names: list[str] = ["北武台社区"] if town == "武台镇" else []
            used = set(names)
            while len(names) < villages_per_town[n - 1]:
                name = _village_name(rng)
                if name not in used:
                    used.add(name)
                    names.append(name)
            villages[n] = []
            for name in names:
                xy = geo.in_town(n, 0.1, 0.9)
                site = self.add_site(n, name, Tier.VILLAGE, SiteKind.VILLAGE, stations[n].id, xy)
                villages[n].append((site, xy))

        all_villages = [v for n in range(1, n_towns + 1) for v in villages[n]]

        # Village cameras: 40-50 per village; the town sites take the rest.
        village_cams = [rng.randint(40, 50) for _ in all_villages]
        # Grids: one per village, the rest to the bigger villages (at most 4).
        grids_per_village = [1] * len(all_villages)
        left = N_GRIDS - len(all_villages)
        while left:
            i = rng.choices(range(len(all_villages)), weights=village_cams)[0]
            if grids_per_village[i] < 4:
                grids_per_village[i] += 1
                left -= 1

        town_cams = N_CAMERAS - sum(village_cams)
        checkpoints = [rng.randint(8, 16) for _ in TOWNS]
        roads = [rng.randint(100, 160) for _ in TOWNS]
        socials = _spread(rng, town_cams - sum(checkpoints) - sum(roads), n_towns, 1, 10_000)

        vi = 0
        for n, town in enumerate(TOWNS, start=1):
            self._town_cameras(
                n, town, offices[n], stations[n], checkpoints[n - 1], roads[n - 1], socials[n - 1]
            )
            for site, (vx, vy) in villages[n]:
                self._village(n, site, vx, vy, grids_per_village[vi], village_cams[vi])
                vi += 1

        rooms = self._rooms(stations)
        users = self._users()
        return Network(
            sites=self.sites,
            cameras=self.cameras,
            grids=self.grids,
            rooms=rooms,
            users=users,
            stream_index=self.stream_index,
            town_of_site=self.town_of_site,
            streams=self.streams,
        )

    def _ring(self, town: int) -> str:
        if town == SEAT_TOWN:
            return "ring:city"
        if town == ZONE_TOWN:
            return "ring:suburb"
        return "ring:county-border" if self.rng.random() < 0.7 else "ring:suburb"

    def _town_cameras(
        self,
        n: int,
        town: str,
        office: Site,
        station: Site,
        checkpoints: int,
        roads: int,
        socials: int,
    ) -> None:
        rng, geo = self.rng, self.geo
        used: set[str] = set()
        for _ in range(checkpoints):
            ring = self._ring(n)
            road = rng.choice(ROADS)
            name = _unique(f"{road}{town}{rng.choice(DIRECTIONS)}向卡口", used)
            # Checkpoints guard the way in: put them at the edge of the town.
            xy = geo.in_town(n, 0.85, 1.0)
            self.add_camera(
                n,
                office,
                None,
                CameraKind.CHECKPOINT,
                name,
                [ring, RINGS[ring], f"road:{road}"],
                xy,
                ptz_chance=0.0,
            )
        for _ in range(roads):
            ring = self._ring(n)
            road = rng.choice(ROADS)
            name = _unique(
                f"{road}{town}段K{rng.randint(1, 99)}+{rng.randrange(0, 1000, 50):03d}", used
            )
            self.add_camera(
                n,
                office,
                None,
                CameraKind.ROAD,
                name,
                [ring, RINGS[ring], f"road:{road}"],
                geo.in_town(n, 0.0, 1.0),
                ptz_chance=0.15,
            )
        used = set()

        for _ in range(socials):
            name = _unique(f"{town}{rng.choice(SOCIAL_SPOTS)}", used)
            self.add_camera(
                n, station, None, CameraKind.SOCIAL, name, ["social"], geo.in_town(n, 0.0, 0.6)
            )

    def _village(self, n: int, site: Site, vx: float, vy: float, n_grids: int, n_cams: int) -> None:
        rng, geo = self.rng, self.geo
        # Grids sit side by side around the village point, 0.6 km apart, so
        # the polygons of one village do not overlap.
        grids: list[Grid] = []
        for k in range(n_grids):
            if n_grids == 1:
                gx, gy = vx, vy
            else:
                a = 2 * math.pi * k / n_grids
                gx, gy = vx + 0.35 * math.cos(a), vy + 0.35 * math.sin(a)
            status = rng.choices(
                (
                    GridStatus.NORMAL,
                    GridStatus.ATTENTION,
                    GridStatus.INCIDENT,
                    GridStatus.NO_COVERAGE,
                ),
                weights=(88, 7, 2, 3),
            )[0]
            members = [GridMember(name=_person(rng), role="网格长", phone=_phone(rng))]
            members += [
                GridMember(name=_person(rng), role="网格员", phone=_phone(rng))
                for _ in range(rng.randint(1, 2))
            ]
            members += [
                GridMember(name=_person(rng), role="志愿者", phone=_phone(rng))
                for _ in range(rng.randint(0, 2))
            ]
            grid = Grid(
                id=self.next_id(n, _INDUSTRY_PLATFORM, TYPE_VIRTUAL_ORG),
                name=f"{site.name}第{k + 1}网格",
                site_id=site.id,
                polygon=geo.polygon(gx, gy, 0.3 if n_grids > 1 else 0.45),
                status=status,
                status_reason=rng.choice(GRID_REASONS[status]),
                cameras_online=0,
                cameras_total=0,
                members=members,
                # ~2,600 volunteers patrol at night over 1,080 grids.
                patrol_on_duty=rng.randint(0, 5),
            )
            grids.append(grid)
            self.grids.append(grid)

        used: set[str] = set()
        spots = len(VILLAGE_SPOTS)
        for i in range(n_cams):
            # The first camera is always the village gate (村口): the seed's
            # example, 北武台社区村口, depends on it.
            spot = VILLAGE_SPOTS[0] if i == 0 else VILLAGE_SPOTS[rng.randrange(spots)]
            name = _unique(f"{site.name}{spot}", used)
            grid = grids[i * n_grids // n_cams]  # contiguous, near-equal shares
            tags = ["gate"] if i == 0 else []
            cam = self.add_camera(
                n, site, grid, CameraKind.VILLAGE, name, tags, geo.near(vx, vy, 0.4)
            )
            grid.cameras_total += 1
            grid.cameras_online += cam.online

    def _rooms(self, stations: dict[int, Site]) -> list[ConferenceRoom]:
        rng = self.rng
        by_site: dict[str, list[Camera]] = {}
        for c in self.cameras:
            by_site.setdefault(c.site_id, []).append(c)

        county_parts = [
            Participant(
                id="p0",
                name=COUNTY_NAME,
                site_id=self.sites[0].id,
                camera_id=None,
                muted=False,
                speaking=True,
                hand_raised=False,
            )
        ]
        consult_towns = sorted(rng.sample(range(1, len(TOWNS) + 1), 5))
        for i, n in enumerate(consult_towns, start=1):
            station = stations[n]
            cam = by_site[station.id][0]
            county_parts.append(
                Participant(
                    id=f"p{i}",
                    name=station.name,
                    site_id=station.id,
                    camera_id=cam.id,
                    muted=rng.random() < 0.4,
                    speaking=False,
                    hand_raised=False,
                )
            )
        gate = next(c for c in self.cameras if c.name == "北武台社区村口")
        beiwutai = gate.site_id
        square = next((c for c in by_site[beiwutai] if c.name == "北武台社区广场"), gate)
        wutai = stations[TOWNS.index("武台镇") + 1]
        meeting_parts = [
            Participant(
                id="p0",
                name="北武台社区村委会",
                site_id=beiwutai,
                camera_id=gate.id,
                muted=False,
                speaking=True,
                hand_raised=False,
            ),
            Participant(
                id="p1",
                name="北武台社区广场",
                site_id=beiwutai,
                camera_id=square.id,
                muted=True,
                speaking=False,
                hand_raised=False,
            ),
            Participant(
                id="p2",
                name=wutai.name,
                site_id=wutai.id,
                camera_id=by_site[wutai.id][0].id,
                muted=True,
                speaking=False,
                hand_raised=False,
            ),
        ]
        # Invited members (usernames): only they and dispatchers see a room, hear
        # of it and may join it; the dispatcher chairs every room.
        wutai_n = TOWNS.index("武台镇") + 1
        bailin_n = TOWNS.index("柏林镇") + 1  # the neighbouring town is invited too
        return [
            ConferenceRoom(
                id="county-consult", name="县局视频会商室", active=True, participants=county_parts,
                members=[*(_desk(n) for n in consult_towns), "presenter"], chair="dispatcher",
            ),
            ConferenceRoom(
                id="beiwutai-monthly",
                name="月度村民大会（北武台社区）",
                active=True,
                participants=meeting_parts,
                members=[_desk(wutai_n), _desk(bailin_n), "presenter"],
                chair="dispatcher",
            ),
            ConferenceRoom(
                id="flood-control", name="防汛调度会", active=False, participants=[],
                members=[_desk(1), _desk(2), _desk(wutai_n), "presenter"], chair="dispatcher",
            ),
        ]

    def _users(self) -> list[DemoUser]:
        users = [
            DemoUser("dispatcher", "dispatch123", "县指挥中心调度员", Role.DISPATCHER, None),
            DemoUser("presenter", "present123", "会商大屏", Role.PRESENTER, None),
        ]
        users += [
            DemoUser(_desk(n), "desk123", f"{town}派出所值班台", Role.TOWN_DESK, (n,))
            for n, town in enumerate(TOWNS, start=1)
        ]
        return users


def build_network(stream_urls: StreamUrls, *, seed: int = 371326, streams: int = 16) -> Network:
    """Build the demo network; equal seeds give equal networks.

    ``stream_urls(camera_id, profile)`` returns the URLs of one stream profile
    ("main" or "sub") by transport; the media server that will serve them
    provides it.
    """
    if streams < 1:
        raise ValueError("streams must be at least 1")
    # The build allocates ~200,000 long-lived objects; the cyclic collector
    # would walk them again and again for nothing (none of them is garbage).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Builder(stream_urls, seed, streams).build()
    finally:
        if was_enabled:
            gc.enable()
