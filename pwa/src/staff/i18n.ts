/** The staff app's words in Vietnamese (the default) and English, kept in the staff chunk so the citizen
 * app never downloads them; the language choice is remembered apart from the citizen app's. */

import { formatTime, rememberedLang, rememberLang, type Lang } from "../shared/lang";
import type { Role } from "./api";

export type { Lang };

const STORAGE_KEY = "motcua.staff.lang";

export interface StaffMessages {
  appName: string;
  skipToContent: string;
  /** The toggle's label is written in the language it switches to. */
  otherLanguage: { lang: Lang; label: string };
  loading: string;
  unreachable: string;
  retry: string;
  signInTitle: string;
  signInHint: string;
  username: string;
  password: string;
  signIn: string;
  signingIn: string;
  tryAgainAt: (time: string) => string;
  signOut: string;
  signedOut: string;
  signOutFailed: string;
  navHome: string;
  navAccounts: string;
  navQueue: string;
  navStatistics: string;
  navFeedback: string;
  navPassword: string;
  mainNav: string;
  roles: Record<Role, string>;
  roleDuties: Record<Role, string>;
  homeTitle: (name: string) => string;
  youAre: (role: string, agency: string) => string;
  whatYouCanDo: string;
  comingSoon: string;
  manageAccounts: string;
  passwordTitle: string;
  passwordForced: string;
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  passwordRule: string;
  passwordsDiffer: string;
  savePassword: string;
  passwordChanged: string;
  accountsTitle: string;
  accountsCount: (count: number) => string;
  createTitle: string;
  fullName: string;
  role: string;
  agency: string;
  create: string;
  temporaryPasswordFor: (username: string) => string;
  temporaryPasswordHint: string;
  active: string;
  inactive: string;
  demo: string;
  lastLogin: (when: string | null) => string;
  edit: string;
  save: string;
  cancel: string;
  deactivate: string;
  reactivate: string;
  resetPassword: string;
  confirmReset: (username: string) => string;
  you: string;
  saved: (username: string) => string;
  failed: string;
}

const vi: StaffMessages = {
  appName: "Một cửa — Cán bộ",
  skipToContent: "Bỏ qua, đến nội dung chính",
  otherLanguage: { lang: "en", label: "English" },
  loading: "Đang tải…",
  unreachable: "Không kết nối được. Kiểm tra mạng rồi thử lại.",
  retry: "Thử lại",
  signInTitle: "Đăng nhập",
  signInHint: "Dành cho cán bộ, công chức của bộ phận một cửa.",
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  signIn: "Đăng nhập",
  signingIn: "Đang đăng nhập…",
  tryAgainAt: (time) => `Có thể đăng nhập lại từ ${time}.`,
  signOut: "Đăng xuất",
  signedOut: "Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.",
  signOutFailed: "Chưa đăng xuất được. Kiểm tra mạng rồi bấm Đăng xuất lần nữa.",
  navHome: "Trang chính",
  navAccounts: "Tài khoản cán bộ",
  navQueue: "Hồ sơ",
  navStatistics: "Thống kê",
  navFeedback: "Phản ánh, kiến nghị",
  navPassword: "Đổi mật khẩu",
  mainNav: "Điều hướng chính",
  roles: {
    officer: "Cán bộ tiếp nhận và trả kết quả",
    specialist: "Chuyên viên xử lý",
    leader: "Lãnh đạo phê duyệt",
    admin: "Quản trị hệ thống",
  },
  roleDuties: {
    officer: "Tiếp nhận hồ sơ tại quầy và hồ sơ nộp trực tuyến, kiểm tra thành phần hồ sơ, trả kết quả cho người dân.",
    specialist: "Thẩm định, xử lý hồ sơ được chuyển đến và trình lãnh đạo phê duyệt.",
    leader: "Xem xét kết quả xử lý hồ sơ, phê duyệt hoặc trả lại để xử lý tiếp.",
    admin: "Quản lý tài khoản cán bộ: tạo tài khoản, phân quyền, đổi cơ quan, cấp lại mật khẩu, khóa và mở lại tài khoản.",
  },
  homeTitle: (name) => `Xin chào, ${name}`,
  youAre: (role, agency) => `${role} — ${agency}`,
  whatYouCanDo: "Việc của tài khoản này",
  comingSoon: "Các trang hồ sơ cần kiểm tra và xử lý hồ sơ sẽ có trong bản cập nhật tới.",
  manageAccounts: "Quản lý tài khoản cán bộ",
  passwordTitle: "Đổi mật khẩu",
  passwordForced: "Đây là mật khẩu tạm thời. Vui lòng đặt mật khẩu mới trước khi làm việc.",
  currentPassword: "Mật khẩu hiện tại",
  newPassword: "Mật khẩu mới",
  confirmPassword: "Nhập lại mật khẩu mới",
  passwordRule: "Mật khẩu mới cần đủ dài và khó đoán; các phiên đăng nhập khác của tài khoản sẽ kết thúc.",
  passwordsDiffer: "Hai lần nhập mật khẩu mới không khớp nhau.",
  savePassword: "Lưu mật khẩu mới",
  passwordChanged: "Đã đổi mật khẩu.",
  accountsTitle: "Tài khoản cán bộ",
  accountsCount: (count) => `${count} tài khoản`,
  createTitle: "Tạo tài khoản mới",
  fullName: "Họ và tên",
  role: "Vai trò",
  agency: "Cơ quan",
  create: "Tạo tài khoản",
  temporaryPasswordFor: (username) => `Mật khẩu tạm thời của ${username}:`,
  temporaryPasswordHint: "Mật khẩu này chỉ hiện một lần. Hãy trao tận tay cán bộ; họ phải đổi mật khẩu khi đăng nhập lần đầu.",
  active: "Đang hoạt động",
  inactive: "Đã khóa",
  demo: "Tài khoản thử nghiệm",
  lastLogin: (when) => (when ? `Đăng nhập lần cuối ${when}` : "Chưa đăng nhập lần nào"),
  edit: "Sửa",
  save: "Lưu",
  cancel: "Hủy",
  deactivate: "Khóa tài khoản",
  reactivate: "Mở lại tài khoản",
  resetPassword: "Cấp lại mật khẩu",
  confirmReset: (username) => `Cấp lại mật khẩu cho ${username}? Mật khẩu đang dùng sẽ hết hiệu lực ngay.`,
  you: "(bạn)",
  saved: (username) => `Đã lưu tài khoản ${username}.`,
  failed: "Không thực hiện được. Vui lòng thử lại.",
};

const en: StaffMessages = {
  appName: "Một cửa — Staff",
  skipToContent: "Skip to main content",
  otherLanguage: { lang: "vi", label: "Tiếng Việt" },
  loading: "Loading…",
  unreachable: "Cannot connect. Check the network, then try again.",
  retry: "Try again",
  signInTitle: "Sign in",
  signInHint: "For the staff of the one-stop office.",
  username: "Username",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  tryAgainAt: (time) => `You can sign in again from ${time}.`,
  signOut: "Sign out",
  signedOut: "Your session has ended. Please sign in again.",
  signOutFailed: "Not signed out yet. Check the network, then sign out again.",
  navHome: "Home",
  navAccounts: "Staff accounts",
  navQueue: "Dossiers",
  navStatistics: "Statistics",
  navFeedback: "Feedback",
  navPassword: "Change password",
  mainNav: "Main navigation",
  roles: {
    officer: "Reception and results officer",
    specialist: "Processing specialist",
    leader: "Approving leader",
    admin: "System administrator",
  },
  roleDuties: {
    officer: "Receive dossiers at the counter and online, check they are complete, hand results to citizens.",
    specialist: "Examine and process the dossiers passed on, and submit them to a leader for approval.",
    leader: "Review the processing of dossiers, approve them or send them back.",
    admin: "Manage staff accounts: create them, set roles and agencies, reset passwords, deactivate and reactivate.",
  },
  homeTitle: (name) => `Hello, ${name}`,
  youAre: (role, agency) => `${role} — ${agency}`,
  whatYouCanDo: "What this account does",
  comingSoon: "The pages for checking and processing dossiers come in the next update.",
  manageAccounts: "Manage staff accounts",
  passwordTitle: "Change password",
  passwordForced: "This is a temporary password. Please choose a new one before you start work.",
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "New password again",
  passwordRule: "Choose a long password that is hard to guess; the account's other sessions will end.",
  passwordsDiffer: "The two new passwords differ.",
  savePassword: "Save the new password",
  passwordChanged: "Your password has been changed.",
  accountsTitle: "Staff accounts",
  accountsCount: (count) => (count === 1 ? "1 account" : `${count} accounts`),
  createTitle: "Create an account",
  fullName: "Full name",
  role: "Role",
  agency: "Agency",
  create: "Create the account",
  temporaryPasswordFor: (username) => `Temporary password of ${username}:`,
  temporaryPasswordHint: "It is shown only once. Hand it over in person; it must be changed at the first sign-in.",
  active: "Active",
  inactive: "Deactivated",
  demo: "Demo account",
  lastLogin: (when) => (when ? `Last signed in ${when}` : "Never signed in"),
  edit: "Edit",
  save: "Save",
  cancel: "Cancel",
  deactivate: "Deactivate",
  reactivate: "Reactivate",
  resetPassword: "Reset password",
  confirmReset: (username) => `Reset the password of ${username}? The current one stops working at once.`,
  you: "(you)",
  saved: (username) => `Account ${username} saved.`,
  failed: "That did not work. Please try again.",
};

export const MESSAGES: Record<Lang, StaffMessages> = { vi, en };

export const loadLang = (): Lang => rememberedLang(STORAGE_KEY);
export const saveLang = (lang: Lang): void => rememberLang(STORAGE_KEY, lang);
export { formatTime };
