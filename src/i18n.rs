//! Every user-visible string of the app's own interface, in Chinese and English.
//!
//! One `Ui` value per language: a string missing in either language is a compile error, and the
//! end-to-end suite checks each page in both. Content texts come from the bundle (`bundle::Text`), not here.

use bundle::{ItemKind, Lang, Severity, UnitKind};

pub struct Ui {
    /// Name of the site before a bundle has given its title.
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_gallery: &'static str,
    pub nav_map: &'static str,
    pub nav_story: &'static str,
    pub nav_books: &'static str,
    /// Label of the button that switches to the *other* language, written in that language.
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub loading: &'static str,
    pub date: &'static str,
    pub place: &'static str,
    pub theme: &'static str,
    pub principles: &'static str,
    pub partners: &'static str,
    pub branch_secretary: &'static str,
    pub explore: &'static str,
    pub gallery_blurb: &'static str,
    pub map_blurb: &'static str,
    pub story_blurb: &'static str,
    pub books_blurb: &'static str,
    pub items_count: fn(usize) -> String,
    pub books_count: fn(u64) -> String,
    pub sample_images_note: &'static str,
    pub sources: &'static str,
    pub error_title: &'static str,
    pub error_visitor: &'static str,
    pub retry: &'static str,
    pub for_maintainers: &'static str,
    pub bundle_file: &'static str,
    pub error_network: &'static str,
    pub error_status: &'static str,
    pub error_parse: &'static str,
    pub error_invalid: &'static str,
    pub attempts: fn(u32) -> String,
    pub stale_notice: &'static str,
    pub stale_details: &'static str,
    pub location: &'static str,
    pub line_column: fn(usize, usize) -> String,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub donor: &'static str,
    pub recipient: &'static str,
    pub via: &'static str,
    pub ledger_from: &'static str,
    pub ledger_to: &'static str,
    pub ledger_count: &'static str,
    pub image_missing: &'static str,
    pub sample_image: &'static str,
}

pub static ZH: Ui = Ui {
    site_name: "党建共建纪念展",
    skip_to_content: "跳到正文",
    nav_label: "主导航",
    nav_home: "首页",
    nav_gallery: "赠礼展厅",
    nav_map: "地图",
    nav_story: "活动经过",
    nav_books: "爱心图书",
    switch_language: "English",
    switch_language_label: "Switch to English",
    loading: "正在加载展览内容……",
    date: "日期",
    place: "地点",
    theme: "主题",
    principles: "共建原则",
    partners: "共建单位",
    branch_secretary: "党支部书记",
    explore: "浏览展览",
    gallery_blurb: "学生画作、《红船》《会址》、航天首日封、铜牌与图书",
    map_blurb: "三家共建单位与贵州的受赠学校",
    story_blurb: "2021年6月8日上午的活动经过",
    books_blurb: "从吴江到铜仁的爱心图书",
    items_count: |n| format!("{n} 件展品"),
    books_count: |n| format!("{n} 本图书"),
    sample_images_note: "图片为示例插图，待替换为实物照片。",
    sources: "资料来源",
    error_title: "展览内容暂时无法显示",
    error_visitor: "请稍后再试。如果问题持续，请联系社区工作人员。",
    retry: "重新加载",
    for_maintainers: "维护人员信息",
    bundle_file: "数据包",
    error_network: "无法获取数据包（网络错误或超时）。",
    error_status: "服务器返回了错误状态。",
    error_parse: "数据包不是有效的 JSON，或结构不符合要求。",
    error_invalid: "数据包未通过校验：",
    attempts: |n| format!("已尝试 {n} 次"),
    stale_notice: "正在显示上一次有效的内容：新的数据包有错误。",
    stale_details: "查看错误",
    location: "位置",
    line_column: |l, c| format!("第 {l} 行，第 {c} 列"),
    not_found_title: "找不到该页面",
    not_found_body: "您访问的页面不存在，可能已被移动。",
    back_home: "返回首页",
    donor: "赠送",
    recipient: "接收",
    via: "经由",
    ledger_from: "来自",
    ledger_to: "赠往",
    ledger_count: "数量",
    image_missing: "图片无法显示",
    sample_image: "示例图片",
};

pub static EN: Ui = Ui {
    site_name: "Co-construction Showcase",
    skip_to_content: "Skip to content",
    nav_label: "Main",
    nav_home: "Home",
    nav_gallery: "Gallery",
    nav_map: "Map",
    nav_story: "The day",
    nav_books: "Books of love",
    switch_language: "中文",
    switch_language_label: "切换到中文",
    loading: "Loading the showcase…",
    date: "Date",
    place: "Place",
    theme: "Theme",
    principles: "Principles",
    partners: "Partner units",
    branch_secretary: "Branch secretary",
    explore: "Explore",
    gallery_blurb: "Students' paintings, the Red Ship and Meeting Site, the aerospace cover, the plaque and the books",
    map_blurb: "The three partner units and the school in Guizhou",
    story_blurb: "The morning of 8 June 2021, step by step",
    books_blurb: "Books of love from Wujiang to Tongren",
    items_count: |n| if n == 1 { "1 item".into() } else { format!("{n} items") },
    books_count: |n| if n == 1 { "1 book".into() } else { format!("{n} books") },
    sample_images_note: "Images are sample illustrations, to be replaced by photographs.",
    sources: "Sources",
    error_title: "The showcase cannot be shown right now",
    error_visitor: "Please try again in a moment. If it persists, please tell the community staff.",
    retry: "Try again",
    for_maintainers: "For maintainers",
    bundle_file: "Bundle",
    error_network: "The data bundle could not be fetched (network error or time-out).",
    error_status: "The server answered with an error status.",
    error_parse: "The data bundle is not valid JSON, or its structure is wrong.",
    error_invalid: "The data bundle failed validation:",
    attempts: |n| if n == 1 { "1 attempt".into() } else { format!("{n} attempts") },
    stale_notice: "Showing the last good content: the new data bundle has errors.",
    stale_details: "Show errors",
    location: "Location",
    line_column: |l, c| format!("line {l}, column {c}"),
    not_found_title: "Page not found",
    not_found_body: "There is no page at this address; it may have moved.",
    back_home: "Back to the home page",
    donor: "Given by",
    recipient: "Received by",
    via: "Via",
    ledger_from: "From",
    ledger_to: "To",
    ledger_count: "Count",
    image_missing: "Image unavailable",
    sample_image: "Sample image",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// `2021-06-08` as "2021年6月8日" or "8 June 2021"; anything else unchanged.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>());
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return iso.to_owned();
    };
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => match MONTHS.get(m.wrapping_sub(1) as usize) {
            Some(month) => format!("{d} {month} {y}"),
            None => iso.to_owned(),
        },
    }
}

pub fn item_kind(lang: Lang, kind: ItemKind) -> &'static str {
    match (lang, kind) {
        (Lang::Zh, ItemKind::Artwork) => "艺术作品",
        (Lang::Zh, ItemKind::FirstDayCover) => "首日封",
        (Lang::Zh, ItemKind::BookDonation) => "图书捐赠",
        (Lang::Zh, ItemKind::Plaque) => "牌匾",
        (Lang::Zh, ItemKind::Other) => "其他",
        (Lang::En, ItemKind::Artwork) => "Artwork",
        (Lang::En, ItemKind::FirstDayCover) => "First-day cover",
        (Lang::En, ItemKind::BookDonation) => "Book donation",
        (Lang::En, ItemKind::Plaque) => "Plaque",
        (Lang::En, ItemKind::Other) => "Other",
    }
}

pub fn unit_kind(lang: Lang, kind: UnitKind) -> &'static str {
    match (lang, kind) {
        (Lang::Zh, UnitKind::Community) => "社区",
        (Lang::Zh, UnitKind::Enterprise) => "企业",
        (Lang::Zh, UnitKind::School) => "学校",
        (Lang::Zh, UnitKind::RecipientSchool) => "受赠学校",
        (Lang::En, UnitKind::Community) => "Community",
        (Lang::En, UnitKind::Enterprise) => "Enterprise",
        (Lang::En, UnitKind::School) => "School",
        (Lang::En, UnitKind::RecipientSchool) => "Recipient school",
    }
}

pub fn severity(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::Zh, Severity::Error) => "错误",
        (Lang::Zh, Severity::Warning) => "警告",
        (Lang::Zh, Severity::Info) => "提示",
        (Lang::En, Severity::Error) => "Error",
        (Lang::En, Severity::Warning) => "Warning",
        (Lang::En, Severity::Info) => "Note",
    }
}
