import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1139:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ requestGithubToken),
/* harmony export */   t: () => (/* binding */ GithubTokenError)
/* harmony export */ });
/* harmony import */ var _google_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8673);
/* harmony import */ var _mask_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8080);
// The GitHub OIDC token: the first round trip of every run. This module is on the start-up
// path, before @actions/core and the Google libraries load, so it needs Node's own http(s)
// client only (the one of the URL's scheme), and it retries passing errors by itself.


/** Thrown when the runner cannot give a GitHub OIDC token. */
class GithubTokenError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'GithubTokenError';
    }
}
/** Attempts in all for a 429, a 5xx or a dropped connection, and the time they may take. */
const ATTEMPTS = 5;
const BUDGET_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
async function get(url, bearer, onSent) {
    const { request } = url.protocol === 'http:' ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23));
    return new Promise((resolve, reject) => {
        const req = request(url, {
            method: 'GET',
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'User-Agent': 'actions/oidc-client' },
            timeout: REQUEST_TIMEOUT_MS,
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('the request timed out'), { code: 'ETIMEDOUT' })));
        req.on('error', reject);
        req.on('finish', () => onSent?.());
        req.end();
    });
}
const retryable = (status) => status === 429 || status === 408 || (status >= 500 && status <= 504);
/**
 * Starts fetching the GitHub OIDC token at once (what core.getIDToken does, without loading
 * @actions/core): GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=... -> {value}. The token is masked.
 */
function requestGithubToken(audience, env = process.env, options = {}) {
    const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!base || !bearer) {
        return Promise.reject(new GithubTokenError('No GitHub OIDC token is available (ACTIONS_ID_TOKEN_REQUEST_URL is not set): give the workflow or job ' +
            "'permissions: id-token: write' (and 'contents: read'). Pull requests from forks never get one."));
    }
    const fail = (detail, cause) => new GithubTokenError(`Could not get the GitHub OIDC token for audience ${audience}: ${detail}`, { cause });
    let url;
    try {
        url = new URL(`${base}&audience=${encodeURIComponent(audience)}`);
    }
    catch (err) {
        return Promise.reject(fail(`ACTIONS_ID_TOKEN_REQUEST_URL is not a URL`, err));
    }
    let attempts = 0;
    const attempt = async () => {
        attempts++;
        const answer = await get(url, bearer, attempts === 1 ? options.onSent : undefined);
        if (answer.status < 200 || answer.status >= 300) {
            const detail = `HTTP ${answer.status}: ${answer.body.slice(0, 500)}`;
            throw retryable(answer.status) ? new PassingFailure(detail) : fail(detail);
        }
        let value;
        try {
            value = JSON.parse(answer.body).value;
        }
        catch {
            value = undefined;
        }
        if (typeof value !== 'string' || !value)
            throw fail('the response holds no token');
        (0,_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$)(value);
        return value;
    };
    return (0,_google_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(attempt, {
        attempts: ATTEMPTS,
        deadline: Date.now() + BUDGET_MS,
        random: options.random,
        // A 429/5xx answer or a dropped connection; not our own verdicts.
        retryOn: (err) => !(err instanceof GithubTokenError),
    }).catch((err) => {
        if (err instanceof GithubTokenError)
            throw err;
        const detail = err instanceof Error ? err.message : String(err);
        throw fail(attempts > 1 ? `${detail} (after ${attempts} attempts)` : detail, err);
    });
}
/** An answer worth another try. */
class PassingFailure extends Error {
}


/***/ }),

/***/ 8080:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ maskSecret)
/* harmony export */ });
// The runner's mask command, written straight to stdout: the auth code runs before
// @actions/core is loaded (start-up), and a token must be masked before anything could print it.
/** What core.setSecret does: `::add-mask::VALUE`, escaped as the runner reads it. */
function maskSecret(secret) {
    if (!secret)
        return;
    const escaped = secret.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::add-mask::${escaped}\n`);
}


/***/ }),

/***/ 5947:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Oz: () => (/* binding */ nextRuns),
  jy: () => (/* binding */ shortestIntervalSeconds),
  JJ: () => (/* binding */ validateCron)
});

;// CONCATENATED MODULE: ./node_modules/croner/dist/croner.js
function g(s,e,t,n=0,r=0,a=0,i=0){let o=s>=0&&s<100,u=Date.UTC(o?s+400:s,e,t,n,r,a,i);return o?u-126227808e5:u}function D(s){return g(s.y,s.m-1,s.d,s.h,s.i,s.s)}function w(s,e){return s.y===e.y&&s.m===e.m&&s.d===e.d&&s.h===e.h&&s.i===e.i&&s.s===e.s}function O(s){let e=s.substring(9);return e.includes("Z")||e.includes("+")||e.includes("-")}function Z(s,e){let t=new Date(Date.parse(s));if(isNaN(t))throw new Error("Invalid ISO8601 passed to timezone parser.");return O(s)?{tp:T(t.getUTCFullYear(),t.getUTCMonth()+1,t.getUTCDate(),t.getUTCHours(),t.getUTCMinutes(),t.getUTCSeconds(),"Etc/UTC"),ms:t.getUTCMilliseconds()}:{tp:T(t.getFullYear(),t.getMonth()+1,t.getDate(),t.getHours(),t.getMinutes(),t.getSeconds(),e),ms:t.getMilliseconds()}}function v(s,e,t){let{tp:n,ms:r}=Z(s,e);return new Date(N(n,t).getTime()+r)}function N(s,e){let t=_(s);if(t.kind==="single")return t.date;if(t.kind==="ambiguous")return t.earlier;if(e)throw new Error("Invalid date passed to fromTZ()");return t.after}function _(s){let e=D(s),t=i=>R(new Date(i),s.tz),n=e-t(e),r=y(new Date(n),s.tz);if(w(r,s)){let i=D(r)-n,o=n-(t(n-E)-i);if(o<n&&w(y(new Date(o),s.tz),s))return{kind:"ambiguous",earlier:new Date(o),later:new Date(n)};let u=n+(i-t(n+E));return u>n&&w(y(new Date(u),s.tz),s)?{kind:"ambiguous",earlier:new Date(n),later:new Date(u)}:{kind:"single",date:new Date(n)}}let a=e-(D(r)-n);return w(y(new Date(a),s.tz),s)?{kind:"single",date:new Date(a)}:{kind:"gap",before:new Date(Math.min(n,a)),after:new Date(Math.max(n,a))}}var E=3*36e5;function R(s,e){return D(y(s,e))-(s.getTime()-s.getUTCMilliseconds())}function k(s,e,t){let n=R(new Date(s),t);for(;e-s>1e3;){let r=s+Math.floor((e-s)/2e3)*1e3;R(new Date(r),t)===n?s=r:e=r}return e}function U(s,e){let t=_(y(new Date(s),e));if(t.kind==="ambiguous")return s<t.later.getTime()?"earlier":"later"}var H=g(1,0,1),S=864e5,W=new Map;function y(s,e){if(e===void 0)return T(s.getFullYear(),s.getMonth()+1,s.getDate(),s.getHours(),s.getMinutes(),s.getSeconds());let t=W.get(e),n;try{t||(t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric",hour12:!1}),W.set(e,t)),n=t.formatToParts(s)}catch(i){let o=i instanceof Error?i.message:String(i);throw new RangeError(`toTZ: Invalid timezone '${e}' or date. Please provide a valid IANA timezone (e.g., 'America/New_York', 'Europe/Stockholm'). Original error: ${o}`)}let r={year:0,month:0,day:0,hour:0,minute:0,second:0};for(let i of n)(i.type==="year"||i.type==="month"||i.type==="day"||i.type==="hour"||i.type==="minute"||i.type==="second")&&(r[i.type]=parseInt(i.value,10));if(isNaN(r.year)||isNaN(r.month)||isNaN(r.day)||isNaN(r.hour)||isNaN(r.minute)||isNaN(r.second))throw new Error(`toTZ: Failed to parse all date components from timezone '${e}'. This may indicate an invalid date or timezone configuration. Parsed components: ${JSON.stringify(r)}`);let a=s.getTime()-H;return(a<-S||a<S&&r.month===12)&&(r.year=1-r.year),r.hour===24&&(r.hour=0),{y:r.year,m:r.month,d:r.day,h:r.hour,i:r.minute,s:r.second,tz:e}}function T(s,e,t,n,r,a,i){return{y:s,m:e,d:t,h:n,i:r,s:a,tz:i}}var x=[1,2,4,8,16],C=class s{pattern;timezone;mode;alternativeWeekdays;sloppyRanges;fixedTimeRule;second;minute;hour;day;month;dayOfWeek;year;lastDayOfMonth;lastWeekday;nearestWeekdays;starDOM;starDOW;starYear;useAndLogic;isFixedTime;constructor(e,t,n){this.pattern=e,this.timezone=t,this.mode=n?.mode??"auto",this.alternativeWeekdays=n?.alternativeWeekdays??!1,this.sloppyRanges=n?.sloppyRanges??!1,this.fixedTimeRule=n?.fixedTimeRule??"single-value",this.second=Array(60).fill(0),this.minute=Array(60).fill(0),this.hour=Array(24).fill(0),this.day=Array(31).fill(0),this.month=Array(12).fill(0),this.dayOfWeek=Array(7).fill(0),this.year=[],this.lastDayOfMonth=!1,this.lastWeekday=!1,this.nearestWeekdays=Array(31).fill(0),this.starDOM=!1,this.starDOW=!1,this.starYear=!1,this.useAndLogic=!1,this.isFixedTime=!1,this.parse()}parse(){if(!(typeof this.pattern=="string"||this.pattern instanceof String))throw new TypeError("CronPattern: Pattern has to be of type string.");this.pattern.indexOf("@")>=0&&(this.pattern=this.handleNicknames(this.pattern).trim());let e=this.pattern.match(/\S+/g)||[""],t=e.length;if(e.length<5||e.length>7)throw new TypeError("CronPattern: invalid configuration format ('"+this.pattern+"'), exactly five, six, or seven space separated parts are required.");if(this.mode!=="auto"){let i;switch(this.mode){case"5-part":i=5;break;case"6-part":i=6;break;case"7-part":i=7;break;case"5-or-6-parts":i=[5,6];break;case"6-or-7-parts":i=[6,7];break;default:i=0}if(!(Array.isArray(i)?i.includes(t):t===i)){let u=Array.isArray(i)?i.join(" or "):i.toString();throw new TypeError(`CronPattern: mode '${this.mode}' requires exactly ${u} parts, but pattern '${this.pattern}' has ${t} parts.`)}}if(e.length===5&&e.unshift("0"),e.length===6&&e.push("*"),this.pattern.indexOf("?")>=0)for(let i=0;i<e.length;i++)e[i]=e[i].replace(/\?/g,"*");if(e[3].toUpperCase()==="LW")this.lastWeekday=!0,e[3]="";else if(e[3].toUpperCase().indexOf("L")>=0){let i=e[3].split(",");if(i.length>1&&i.some(o=>o.toUpperCase()==="LW"))throw new TypeError(`CronPattern: Syntax error, LW can not be in a list in day-of-month ('${e[3]}').`);if(i.some(o=>o===""||o.toUpperCase()!=="L"&&/l/i.test(o)))throw new TypeError("CronPattern: Syntax error, L has to be a value of its own in day-of-month ('"+e[3]+"').");e[3]=i.filter(o=>o.toUpperCase()!=="L").join(","),this.lastDayOfMonth=!0}if(e[3]=="*"&&(this.starDOM=!0),e[6]=="*"&&(this.starYear=!0),e[4].length>=3&&(e[4]=this.replaceAlpha(e[4],s.MONTH_NAMES)),e[5].length>=3&&(e[5]=this.alternativeWeekdays?this.replaceAlpha(e[5],s.DAY_NAMES_QUARTZ):this.replaceAlpha(e[5],s.DAY_NAMES)),e[5].startsWith("+")&&(this.useAndLogic=!0,e[5]=e[5].substring(1),e[5]===""))throw new TypeError("CronPattern: Day-of-week field cannot be empty after '+' modifier.");switch(e[5]=="*"&&(this.starDOW=!0),this.mode){case"5-part":e[0]="0",e[6]="*";break;case"6-part":e[6]="*";break;case"5-or-6-parts":e[6]="*";break;case"6-or-7-parts":break;case"7-part":case"auto":break}this.throwAtIllegalCharacters(e),this.partToArray("second",e[0],0,1),this.partToArray("minute",e[1],0,1),this.partToArray("hour",e[2],0,1),this.partToArray("day",e[3],-1,1),this.partToArray("month",e[4],-1,1);let n=this.alternativeWeekdays?-1:0;this.partToArray("dayOfWeek",e[5],n,63),e[6]==="*"?this.year=Array(1e4).fill(1):(this.year=Array(1e4).fill(0),this.partToArray("year",e[6],0,1)),!this.alternativeWeekdays&&this.dayOfWeek[7]&&(this.dayOfWeek[0]=this.dayOfWeek[7]);let r=this.fixedTimeRule==="single-value",a=(i,o)=>!i.includes("*")&&!i.includes("/")&&(!r||o.filter(u=>u).length===1);this.isFixedTime=a(e[0],this.second)&&a(e[1],this.minute)&&a(e[2],this.hour)}partToArray(e,t,n,r){let a=this[e];if(t===""&&!(e==="day"&&(this.lastDayOfMonth||this.lastWeekday)))throw new TypeError("CronPattern: configuration entry "+e+" ("+t+") is empty, check for trailing spaces.");if(t==="*")return a.fill(r);let i=t.split(",");if(i.length>1)for(let o of i)this.partToArray(e,o,n,r);else t.includes("-")&&t.includes("/")?this.handleRangeWithStepping(t,e,n,r):t.includes("-")?this.handleRange(t,e,n,r):t.includes("/")?this.handleStepping(t,e,n,r):t!==""&&this.handleNumber(t,e,n,r)}throwAtIllegalCharacters(e){for(let t=0;t<e.length;t++)if((t===3?/[^/*0-9,\-WwLl]+/:t===5?/[^/*0-9,\-#Ll]+/:/[^/*0-9,\-]+/).test(e[t]))throw new TypeError("CronPattern: configuration entry "+t+" ("+e[t]+") contains illegal characters.")}handleNumber(e,t,n,r){let a=this.extractNth(e,t),i=e.toUpperCase().includes("W");if(t!=="day"&&i)throw new TypeError("CronPattern: Nearest weekday modifier (W) only allowed in day-of-month.");i&&(t="nearestWeekdays");let o=i?a[0].replace(/W$/i,""):a[0],u=s.toNumber(o)+n;if(isNaN(u))throw new TypeError("CronPattern: "+t+" is not a number: '"+e+"'");this.setPart(t,u,a[1]||r)}setPart(e,t,n){if(!Object.prototype.hasOwnProperty.call(this,e))throw new TypeError("CronPattern: Invalid part specified: "+e);if(e==="dayOfWeek"){if(t===7&&(t=0),t<0||t>6)throw new RangeError("CronPattern: Invalid value for dayOfWeek: "+t);this.setNthWeekdayOfMonth(t,n);return}if(e==="second"||e==="minute"){if(t<0||t>=60)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="hour"){if(t<0||t>=24)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="day"||e==="nearestWeekdays"){if(t<0||t>=31)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="month"){if(t<0||t>=12)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="year"&&(t<1||t>=1e4))throw new RangeError("CronPattern: Invalid value for "+e+": "+t+" (supported range: 1-9999)");this[e][t]=n}static toNumber(e){return/^\d+$/.test(e)?parseInt(e,10):NaN}validateNotNaN(e,t){if(isNaN(e))throw new TypeError(t)}validateRange(e,t,n,r,a){if(e>t)throw new TypeError("CronPattern: From value is larger than to value: '"+a+"'");if(n!==void 0){if(n===0)throw new TypeError("CronPattern: Syntax error, illegal stepping: 0");if(n>this[r].length)throw new TypeError("CronPattern: Syntax error, steps cannot be greater than maximum value of part ("+this[r].length+")")}}handleRangeWithStepping(e,t,n,r){if(e.toUpperCase().includes("W"))throw new TypeError("CronPattern: Syntax error, W is not allowed in ranges with stepping.");let a=this.extractNth(e,t),i=a[0].match(/^(\d+)-(\d+)\/(\d+)$/);if(i===null)throw new TypeError("CronPattern: Syntax error, illegal range with stepping: '"+e+"'");let[,o,u,l]=i,h=parseInt(o,10)+n,m=parseInt(u,10)+n,d=parseInt(l,10);this.validateNotNaN(h,"CronPattern: Syntax error, illegal lower range (NaN)"),this.validateNotNaN(m,"CronPattern: Syntax error, illegal upper range (NaN)"),this.validateNotNaN(d,"CronPattern: Syntax error, illegal stepping: (NaN)"),this.validateRange(h,m,d,t,e);for(let p=h;p<=m;p+=d)this.setPart(t,p,a[1]||r)}extractNth(e,t){let n=e,r;if(n.includes("#")){if(t!=="dayOfWeek")throw new Error("CronPattern: nth (#) only allowed in day-of-week field");let a=n.split("#");if(a.length!==2||a[1]==="")throw new TypeError("CronPattern: Syntax error, illegal nth weekday: '"+e+"'");n=a[0],r=a[1]}else if(n.toUpperCase().endsWith("L")){if(t!=="dayOfWeek")throw new Error("CronPattern: L modifier only allowed in day-of-week field (use L alone for day-of-month)");r="L",n=n.slice(0,-1)}return[n,r]}handleRange(e,t,n,r){if(e.toUpperCase().includes("W"))throw new TypeError("CronPattern: Syntax error, W is not allowed in a range.");let a=this.extractNth(e,t),i=a[0].split("-");if(i.length!==2)throw new TypeError("CronPattern: Syntax error, illegal range: '"+e+"'");let o=s.toNumber(i[0])+n,u=s.toNumber(i[1])+n;this.validateNotNaN(o,"CronPattern: Syntax error, illegal lower range (NaN)"),this.validateNotNaN(u,"CronPattern: Syntax error, illegal upper range (NaN)"),this.validateRange(o,u,void 0,t,e);for(let l=o;l<=u;l++)this.setPart(t,l,a[1]||r)}handleStepping(e,t,n,r){if(e.toUpperCase().includes("W"))throw new TypeError("CronPattern: Syntax error, W is not allowed in parts with stepping.");let a=this.extractNth(e,t),i=a[0].split("/");if(i.length!==2)throw new TypeError("CronPattern: Syntax error, illegal stepping: '"+e+"'");if(this.sloppyRanges)i[0]===""&&(i[0]="*");else{if(i[0]==="")throw new TypeError("CronPattern: Syntax error, stepping with missing prefix ('"+e+"') is not allowed. Use wildcard (*/step) or range (min-max/step) instead.");if(i[0]!=="*")throw new TypeError("CronPattern: Syntax error, stepping with numeric prefix ('"+e+"') is not allowed. Use wildcard (*/step) or range (min-max/step) instead.")}let o=0;i[0]!=="*"&&(o=s.toNumber(i[0])+n,this.validateNotNaN(o,"CronPattern: Syntax error, illegal stepping start (NaN)"));let u=s.toNumber(i[1]);this.validateNotNaN(u,"CronPattern: Syntax error, illegal stepping: (NaN)"),this.validateRange(0,this[t].length-1,u,t,e);for(let l=o;l<this[t].length;l+=u)t==="year"&&l===0||this.setPart(t,l,a[1]||r)}replaceAlpha(e,t){let n=e;for(let[r,a]of Object.entries(t))n=n.replace(new RegExp(r,"gi"),(i,o,u)=>{let l=o+i.length-3,h=u.charAt(l-1),m=u.charAt(l+3);if(/[a-z\d/#]/i.test(h)||/[a-km-z\d]/i.test(m))throw new TypeError(`CronPattern: Syntax error, a month or day name has to stand alone ('${e}').`);return a});return n}static DAY_NAMES={"-sun":"-7",sun:"0",mon:"1",tue:"2",wed:"3",thu:"4",fri:"5",sat:"6"};static DAY_NAMES_QUARTZ={sun:"1",mon:"2",tue:"3",wed:"4",thu:"5",fri:"6",sat:"7"};static MONTH_NAMES={jan:"1",feb:"2",mar:"3",apr:"4",may:"5",jun:"6",jul:"7",aug:"8",sep:"9",oct:"10",nov:"11",dec:"12"};static NICKNAME_MAP={"@yearly":"0 0 1 1 *","@annually":"0 0 1 1 *","@monthly":"0 0 1 * *","@weekly":"0 0 * * SUN","@daily":"0 0 * * *","@midnight":"0 0 * * *","@hourly":"0 * * * *"};handleNicknames(e){let t=e.trim().toLowerCase();if(t==="@reboot")throw new TypeError("CronPattern: @reboot is not supported in this environment. This is an event-based trigger that requires system startup detection.");return s.NICKNAME_MAP[t]||e}setNthWeekdayOfMonth(e,t){if(typeof t!="number"&&t.toUpperCase()==="L")this.dayOfWeek[e]=this.dayOfWeek[e]|32;else if(t===63)this.dayOfWeek[e]=63;else if(t<6&&t>0)this.dayOfWeek[e]=this.dayOfWeek[e]|x[t-1];else throw new TypeError(`CronPattern: nth weekday out of range, should be 1-5 or L. Value: ${t}, Type: ${typeof t}`)}};var B=[31,28,31,30,31,30,31,31,30,31,30,31],f=[["month","year",0],["day","month",-1],["hour","day",0],["minute","hour",0],["second","minute",0]],c=class s{tz;instantMs;instantFields;ms;second;minute;hour;day;month;year;constructor(e,t){if(this.tz=t,e&&e instanceof Date)if(!isNaN(e))this.fromDate(e);else throw new TypeError("CronDate: Invalid date passed to CronDate constructor");else if(e==null)this.fromDate(new Date);else if(e&&typeof e=="string")this.fromString(e);else if(e instanceof s)this.fromCronDate(e);else throw new TypeError("CronDate: Invalid type ("+typeof e+") passed to CronDate constructor")}getLastDayOfMonth(e,t){return t!==1?B[t]:new Date(g(e,t+1,0)).getUTCDate()}getLastWeekday(e,t){let n=this.getLastDayOfMonth(e,t),a=new Date(g(e,t,n)).getUTCDay();return a===0?n-2:a===6?n-1:n}getNearestWeekday(e,t,n){let r=this.getLastDayOfMonth(e,t);if(n>r)return-1;let i=new Date(g(e,t,n)).getUTCDay();return i===0?n===r?n-2:n+1:i===6?n===1?n+2:n-1:n}isNthWeekdayOfMonth(e,t,n,r){let i=new Date(g(e,t,n)).getUTCDay(),o=0;for(let u=1;u<=n;u++)new Date(g(e,t,u)).getUTCDay()===i&&o++;if(r&63&&x[o-1]&r)return!0;if(r&32){let u=this.getLastDayOfMonth(e,t);for(let l=n+1;l<=u;l++)if(new Date(g(e,t,l)).getUTCDay()===i)return!1;return!0}return!1}fromDate(e){if(this.tz!==void 0)if(typeof this.tz=="number")this.ms=e.getUTCMilliseconds(),this.second=e.getUTCSeconds(),this.minute=e.getUTCMinutes()+this.tz,this.hour=e.getUTCHours(),this.day=e.getUTCDate(),this.month=e.getUTCMonth(),this.year=e.getUTCFullYear(),this.apply();else try{let t=y(e,this.tz);this.ms=e.getMilliseconds(),this.second=t.s,this.minute=t.i,this.hour=t.h,this.day=t.d,this.month=t.m-1,this.year=t.y,this.cacheInstant(e.getTime()-this.ms)}catch(t){let n=t instanceof Error?t.message:String(t);throw new TypeError(`CronDate: Failed to convert date to timezone '${this.tz}'. This may happen with invalid timezone names or dates. Original error: ${n}`)}else this.ms=e.getMilliseconds(),this.second=e.getSeconds(),this.minute=e.getMinutes(),this.hour=e.getHours(),this.day=e.getDate(),this.month=e.getMonth(),this.year=e.getFullYear(),this.cacheInstant(e.getTime()-this.ms)}cacheInstant(e){this.instantMs=e;let{year:t,month:n,day:r,hour:a,minute:i,second:o}=this;this.instantFields=[t,n,r,a,i,o,this.tz]}cachedInstant(){let e=this.instantFields;if(!(e===void 0||e[6]!==this.tz)&&!(e[5]!==this.second||e[4]!==this.minute||e[3]!==this.hour)&&!(e[2]!==this.day||e[1]!==this.month||e[0]!==this.year))return this.instantMs}fromCronDate(e){this.tz=e.tz,this.year=e.year,this.month=e.month,this.day=e.day,this.hour=e.hour,this.minute=e.minute,this.second=e.second,this.ms=e.ms,this.instantMs=e.instantMs,this.instantFields=e.instantFields}apply(){if(this.month>11||this.month<0||this.day>this.getLastDayOfMonth(this.year,this.month)||this.day<1||this.hour>23||this.minute>59||this.second>59||this.hour<0||this.minute<0||this.second<0){let e=new Date(0);return e.setUTCFullYear(this.year,this.month,this.day),e.setUTCHours(this.hour,this.minute,this.second,this.ms),this.ms=e.getUTCMilliseconds(),this.second=e.getUTCSeconds(),this.minute=e.getUTCMinutes(),this.hour=e.getUTCHours(),this.day=e.getUTCDate(),this.month=e.getUTCMonth(),this.year=e.getUTCFullYear(),!0}else return!1}fromString(e){if(typeof this.tz=="number"){if(O(e))return this.fromDate(v(e));let t=v(e,"Etc/UTC");this.ms=t.getUTCMilliseconds(),this.second=t.getUTCSeconds(),this.minute=t.getUTCMinutes(),this.hour=t.getUTCHours(),this.day=t.getUTCDate(),this.month=t.getUTCMonth(),this.year=t.getUTCFullYear(),this.apply()}else return this.fromDate(v(e,this.tz))}findNext(e,t,n,r){return this._findMatch(e,t,n,r,1)}_matchDayValue(e,t,n,r){let a=e;if(!a){for(let i=0;i<n.nearestWeekdays.length;i++)if(n.nearestWeekdays[i]){let o=this.getNearestWeekday(this.year,this.month,i+1);if(o!==-1&&o===t){a=1;break}}}if(n.lastWeekday){let i=this.getLastWeekday(this.year,this.month);t===i&&(a=1)}if(n.lastDayOfMonth){let i=this.getLastDayOfMonth(this.year,this.month);t===i&&(a=1)}if(!n.starDOW){let i=new Date(g(this.year,this.month,1,0,0,0,0)).getUTCDay(),o=n.dayOfWeek[(i+(t-1))%7];o&&o&63&&(o=this.isNthWeekdayOfMonth(this.year,this.month,t,o)?1:0),n.useAndLogic?a=a&&o:!r.domAndDow&&!n.starDOM?a=a||o:a=a&&o}return a}_findMatch(e,t,n,r,a){let i=this[t],o=t==="day"?this.getLastDayOfMonth(this.year,this.month):0,u=this[t]+r,l=a===1?h=>h<n[t].length:h=>h>=0;for(let h=u;l(h);h+=a){let m=n[t][h];if(t==="day"){if(h-r>o)continue;m=this._matchDayValue(m,h-r,n,e)}if(m)return this[t]=h-r,i!==this[t]?2:1}return 3}recurse(e,t,n){let r=this.year,a=n;for(;typeof a=="number";){if(e.starYear&&Math.abs(this.year-r)>400)return null;a=this.recurseStep(e,t,a)}return a}recurseStep(e,t,n){if(n===0&&!e.starYear){if(this.year>=0&&this.year<e.year.length&&e.year[this.year]===0){let a=-1;for(let i=this.year+1;i<e.year.length&&i<1e4;i++)if(e.year[i]===1){a=i;break}if(a===-1)return null;this.year=a,this.month=0,this.day=1,this.hour=0,this.minute=0,this.second=0,this.ms=0}if(this.year>=1e4)return null}let r=this.findNext(t,f[n][0],e,f[n][2]);if(r>1){let a=n+1;for(;a<f.length;)this[f[a][0]]=-f[a][2],a++;if(r===3){if(this[f[n][1]]++,this[f[n][0]]=-f[n][2],this.apply(),n===0&&!e.starYear){for(;this.year>=0&&this.year<e.year.length&&e.year[this.year]===0&&this.year<1e4;)this.year++;if(this.year>=1e4||this.year>=e.year.length)return null}return 0}else if(this.apply())return n-1}return n+=1,n>=f.length?this:(e.starYear?this.year>=3e3:this.year>=1e4)?null:n}increment(e,t,n){return this.instantMs=void 0,this.instantFields=void 0,this.second+=t.interval!==void 0&&t.interval>1&&n?t.interval:1,this.ms=0,this.apply(),this.recurse(e,t,0)}decrement(e,t,n=!0){this.instantMs=void 0,this.instantFields=void 0;let r=t.interval!==void 0&&t.interval>=1;return(this.ms===0||r)&&(this.second-=r&&n?t.interval:1),this.ms=0,this.apply(),this.year<1?null:this.recurseBackward(e,t,0)}recurseBackward(e,t,n){let r=this.year,a=n;for(;typeof a=="number";){if(e.starYear&&Math.abs(this.year-r)>400)return null;a=this.recurseBackwardStep(e,t,a)}return a}recurseBackwardStep(e,t,n){if(n===0&&!e.starYear){if(this.year>=0&&this.year<e.year.length&&e.year[this.year]===0){let a=-1;for(let i=this.year-1;i>=0;i--)if(e.year[i]===1){a=i;break}if(a===-1)return null;this.year=a,this.month=11,this.day=31,this.hour=23,this.minute=59,this.second=59,this.ms=0}if(this.year<1)return null}let r=this.findPrevious(t,f[n][0],e,f[n][2]);if(r>1){let a=n+1;for(;a<f.length;){let i=f[a][0],o=f[a][2],u=this.getMaxPatternValue(i,e,o);this[i]=u,a++}if(r===3){if(this[f[n][1]]--,n===0){let u=this.getLastDayOfMonth(this.year,this.month);this.day>u&&(this.day=u)}if(n===1)if(this.day<=0)this.day=1;else{let u=this.year,l=this.month;for(;l<0;)l+=12,u--;for(;l>11;)l-=12,u++;let h=this.getLastDayOfMonth(u,l);this.day>h&&(this.day=h)}this.apply();let i=f[n][0],o=f[n][2];if(this[i]=this.getMaxPatternValue(i,e,o),this.apply(),n===0){let u=f[1][2],l=this.getMaxPatternValue("day",e,u);l!==this.day&&(this.day=l,this.hour=this.getMaxPatternValue("hour",e,f[2][2]),this.minute=this.getMaxPatternValue("minute",e,f[3][2]),this.second=this.getMaxPatternValue("second",e,f[4][2]))}if(n===0&&!e.starYear){for(;this.year>=0&&this.year<e.year.length&&e.year[this.year]===0;)this.year--;if(this.year<1)return null}return 0}else if(this.apply())return n-1}return n+=1,n>=f.length?this:this.year<1?null:n}getMaxPatternValue(e,t,n){let r=t[e].length-1-n;for(let a=t[e].length-1;a>=0;a--)if(t[e][a]){r=a-n;break}if(e==="day"){let a=this.getLastDayOfMonth(this.year,this.month);return t.lastWeekday||t.nearestWeekdays.some(i=>i)||t.lastDayOfMonth||!t.starDOW?a:Math.min(r,a)}return r}findPrevious(e,t,n,r){return this._findMatch(e,t,n,r,-1)}getDate(e){if(!e&&typeof this.tz!="number"){let t=this.cachedInstant();if(t!==void 0)return new Date(t+(this.tz===void 0?this.ms:0))}if(e||this.tz===void 0){if(this.year>=0&&this.year<100){let t=new Date(0);return t.setFullYear(this.year,this.month,this.day),t.setHours(this.hour,this.minute,this.second,this.ms),t}return new Date(this.year,this.month,this.day,this.hour,this.minute,this.second,this.ms)}else return typeof this.tz=="number"?new Date(g(this.year,this.month,this.day,this.hour,this.minute-this.tz,this.second,this.ms)):N(T(this.year,this.month+1,this.day,this.hour,this.minute,this.second,this.tz),!1)}getTime(){return this.getDate(!1).getTime()}match(e,t){if(!e.starYear&&(this.year<0||this.year>=e.year.length||e.year[this.year]===0))return!1;for(let n=0;n<f.length;n++){let r=f[n][0],a=f[n][2],i=this[r];if(i+a<0||i+a>=e[r].length)return!1;let o=e[r][i+a];if(r==="day"&&(o=this._matchDayValue(o,i,e,t)),!o)return!1}return!0}};function F(s){s===void 0&&(s={}),delete s.name,s.legacyMode!==void 0&&s.domAndDow===void 0?s.domAndDow=!s.legacyMode:s.domAndDow===void 0&&(s.domAndDow=!1),s.legacyMode=!s.domAndDow;let e=(n,r)=>n===void 0?r:n;if(s.paused=e(s.paused,!1),s.maxRuns=e(s.maxRuns,1/0),s.catch=e(s.catch,!1),s.unref=e(s.unref,!1),s.mode=e(s.mode,"auto"),s.alternativeWeekdays=e(s.alternativeWeekdays,!1),s.sloppyRanges=e(s.sloppyRanges,!1),s.fixedTimeRule=e(s.fixedTimeRule,"single-value"),s.allowPast=e(s.allowPast,!1),s.interval=s.interval===void 0?0:parseInt(s.interval.toString(),10),s.utcOffset=s.utcOffset===void 0?void 0:parseInt(s.utcOffset.toString(),10),s.dayOffset=s.dayOffset===void 0?0:parseInt(s.dayOffset.toString(),10),!["auto","5-part","6-part","7-part","5-or-6-parts","6-or-7-parts"].includes(s.mode))throw new Error("CronOptions: mode must be one of 'auto', '5-part', '6-part', '7-part', '5-or-6-parts', or '6-or-7-parts'.");if(!["single-value","no-wildcard"].includes(s.fixedTimeRule))throw new Error("CronOptions: fixedTimeRule must be one of 'single-value' or 'no-wildcard'.");s.timezone===""&&(s.timezone=void 0);let t=s.timezone??s.utcOffset;if(s.startAt&&(s.startAt=I(new c(s.startAt,t))),s.stopAt&&(s.stopAt=I(new c(s.stopAt,t))),s.interval!==null){if(isNaN(s.interval))throw new Error("CronOptions: Supplied value for interval is not a number");if(s.interval<0)throw new Error("CronOptions: Supplied value for interval can not be negative")}if(s.utcOffset!==void 0){if(isNaN(s.utcOffset))throw new Error("CronOptions: Invalid value passed for utcOffset, should be number representing minutes offset from UTC.");if(s.utcOffset<-870||s.utcOffset>870)throw new Error("CronOptions: utcOffset out of bounds.");if(s.utcOffset!==void 0&&s.timezone)throw new Error("CronOptions: Combining 'utcOffset' with 'timezone' is not allowed.")}if(s.unref!==!0&&s.unref!==!1)throw new Error("CronOptions: Unref should be either true, false or undefined(false).");if(s.dayOffset!==void 0&&s.dayOffset!==0&&isNaN(s.dayOffset))throw new Error("CronOptions: Invalid value passed for dayOffset, should be a number representing days to offset.");return s}function I(s){return s.ms?(s.ms=0,new c(new Date(s.getTime()+1e3),s.tz)):s}function b(s){return typeof s=="function"}function L(s){return b(s)}function Y(s){typeof Deno<"u"&&typeof Deno.unrefTimer<"u"?Deno.unrefTimer(s):s&&typeof s.unref<"u"&&s.unref()}var P=1440*60*1e3,$=30*1e3,M=[],j=class{name;options;_states;fn;_startAtRoundingMs=0;getTz(){return this.options.timezone??this.options.utcOffset}applyDayOffset(e){let t=this._offsetMs();return t?new Date(e.getTime()+t):e}_offsetMs(){return(this.options.dayOffset??0)*P}get _startAt(){return this.options.startAt}get _stopAt(){return this.options.stopAt}_nextTarget(e,t){let n=this._offsetMs(),r=this._next(this._shift(e),new Date(t.getTime()-n),{startAt:this._shift(this._startAt),stopAt:this._shift(this._stopAt)});return r?this.applyDayOffset(r.getDate(!1)):null}_previousTarget(e,t){let n=this._toMs(e??t)-this._offsetMs(),r=this._previous(new Date(n),{startAt:this._shift(this._startAt),stopAt:this._shift(this._stopAt)});return r?this.applyDayOffset(r.getDate(!1)):null}_shift(e){if(e!=null)return new c(new Date(this._toMs(e)-this._offsetMs()),this.getTz())}constructor(e,t,n){let r,a;if(b(t))a=t;else if(typeof t=="object")r=t;else if(t!==void 0)throw new Error("Cron: Invalid argument passed for optionsIn. Should be one of function, or object (options).");if(b(n))a=n;else if(typeof n=="object")r=n;else if(n!==void 0)throw new Error("Cron: Invalid argument passed for funcIn. Should be one of function, or object (options).");this.name=r?.name;let i=r?.startAt;this.options=F(r),i&&this._startAt&&(this._startAtRoundingMs=this._startAt.getTime()-new c(i,this.getTz()).getTime());let o=!!e&&(e instanceof Date||typeof e=="string"&&e.indexOf(":")>0);if(this._states={kill:!1,blocking:!1,previousRun:void 0,currentRun:void 0,once:void 0,currentTimeout:void 0,maxRuns:r?r.maxRuns:void 0,paused:r?r.paused:!1,pattern:o?new C("* * * * *",void 0,{mode:"auto"}):new C(e,this.options.timezone,{mode:this.options.mode,alternativeWeekdays:this.options.alternativeWeekdays,sloppyRanges:this.options.sloppyRanges,fixedTimeRule:this.options.fixedTimeRule})},o&&(this._states.once=new c(e,this.getTz())),this.name){if(M.find(l=>l.name===this.name))throw new Error("Cron: Tried to initialize new named job '"+this.name+"', but name already taken.");M.push(this)}return a!==void 0&&L(a)&&(this.fn=a,this.schedule()),this}nextRun(e){return this._nextTarget(e,new Date)}nextRuns(e,t){this._states.maxRuns!==void 0&&e>this._states.maxRuns&&(e=this._states.maxRuns);let n=t||this._states.currentRun||void 0;return this._enumerateRuns(e,n,"next")}previousRuns(e,t){return this._enumerateRuns(e,t||void 0,"previous")}enumerate(e){return new A(this,e)}_enumerateRuns(e,t,n){let r=[],a=new Date,i=t;for(;e-- >0;){let o=n==="next"?this._nextTarget(i,a):this._previousTarget(i,a);if(!o)break;r.push(o),i=o}return r}match(e){if(this._states.once){let n=new c(e,this.getTz());n.ms=0;let r=new c(this._states.once,this.getTz());return r.ms=0,n.getTime()===r.getTime()}let t=new c(e,this.getTz());return t.ms=0,t.match(this._states.pattern,this.options)}getPattern(){if(!this._states.once)return this._states.pattern?this._states.pattern.pattern:void 0}getOnce(){return this._states.once?this._states.once.getDate():null}isRunning(){return!this._states.paused&&!this._states.kill&&this.fn!==void 0&&this._nextTarget(this._states.currentRun,new Date)!==null}isStopped(){return this._states.kill}isBusy(){return this._states.blocking}currentRun(){return this._states.currentRun?this._states.currentRun.getDate():null}previousRun(){return this._states.previousRun?this._states.previousRun.getDate():null}msToNext(e){let t=new Date,n=this._nextTarget(e,t);return n?n.getTime()-this._toMs(e??t):null}stop(){this._states.kill=!0,this._states.currentTimeout&&clearTimeout(this._states.currentTimeout);let e=M.indexOf(this);e>=0&&M.splice(e,1)}pause(){return this._states.paused=!0,!this._states.kill}resume(){return this._states.paused=!1,!this._states.kill}schedule(e){return this._schedule(e)}_schedule(e,t){if(e&&this.fn)throw new Error("Cron: It is not allowed to schedule two functions using the same Croner instance.");e&&(this.fn=e);let n=t??new Date,r=this._nextTarget(void 0,n),a=r?r.getTime()-n.getTime():null,i=this._states.currentRun;i&&i.getTime()>n.getTime()&&(i=void 0);let o=this._nextTarget(i,n);return a===null||isNaN(a)||o===null?this:(a>$&&(a=$),a<0&&(a=this._states.paused?1e3:0),this._states.currentTimeout=setTimeout(()=>this._checkTrigger(o),a),this._states.currentTimeout&&this.options.unref&&Y(this._states.currentTimeout),this)}async _trigger(e=new Date){this._states.blocking=!0,this._states.currentRun=new c(e,this.getTz());try{if(this.options.catch)try{this.fn!==void 0&&await this.fn(this,this.options.context)}catch(t){if(b(this.options.catch))try{Promise.resolve(this.options.catch(t,this)).catch(()=>{})}catch{}}else this.fn!==void 0&&await this.fn(this,this.options.context)}finally{this._states.previousRun=new c(e,this.getTz()),this._states.blocking=!1}}async trigger(){await this._trigger()}runsLeft(){return this._states.maxRuns}_checkTrigger(e){let t=new Date,n=!this._states.paused&&t.getTime()>=e.getTime(),r=this._states.blocking&&this.options.protect;n&&!r?(this._states.maxRuns!==void 0&&this._states.maxRuns--,this._trigger(t)):n&&r&&b(this.options.protect)&&setTimeout(()=>this.options.protect(this),0),this._schedule(void 0,n?void 0:t)}_next(e,t,n){let r=n?n.startAt:this._startAt,a=n?n.stopAt:this._stopAt,i=!!e,o=!!(e||this._states.currentRun),u=!1;!e&&r&&this.options.interval&&(e=this._calculatePreviousRun(r,t),e&&(o=!0),u=!e);let l=e??t??new Date,h=this._toMs(l);e=new c(l,this.getTz()),r&&h<r.getTime()&&(e=u?r:new c(new Date(r.getTime()-1e3),this.getTz()),h=e.getTime());let m=this._states.once||new c(e,this.getTz());if(!u&&m!==this._states.once&&(m=this._findOccurrence(e,h,1,o)),this._states.once){let d=this._states.once.getTime(),p=h-d;if(r&&d<r.getTime()-this._startAtRoundingMs||this._states.currentRun&&this.applyDayOffset(this._states.once.getDate()).getTime()<=this._states.currentRun.getTime()||(i?p>=0:p>1e3&&!this.options.allowPast))return null}return m===null||this._states.maxRuns!==void 0&&this._states.maxRuns<=0||this._states.kill||a&&m.getTime()>=a.getTime()?null:m}_previous(e,t){let n=this._toMs(e??new Date);if(t.stopAt&&n>t.stopAt.getTime()&&(n=t.stopAt.getTime()),this._states.once)return this._states.once.getTime()<n?this._states.once:null;let r=this._findOccurrence(new c(new Date(n),this.getTz()),n,-1);return r===null||t.startAt&&r.getTime()<t.startAt.getTime()?null:r}_toMs(e){if(e instanceof Date)return e.getTime();let t=new c(e,this.getTz());return t.getTime()+(typeof t.tz=="string"?t.ms:0)}_findOccurrence(e,t,n,r=!1){let a=this.options.interval??0;if(a>1&&(n===-1||r)){t+=(a-1)*1e3*n;let m=new Date(t);if(isNaN(m.getTime())||(e=new c(m,this.getTz()),!(e.year>=1&&e.year<=9999)))return null;r=!1}let i=this._walk(e,t,n,r),o=this.getTz();if(this._states.pattern.isFixedTime&&n===1||typeof o=="number"||U(t,o)!==(n===1?"earlier":"later"))return i;let u=Math.floor(t/1e3)*1e3,l=n===1?k(u,u+P,o):k(u-P,u,o)-1e3;if(i&&(l-i.getTime())*n>0)return i;let h=this._walk(new c(new Date(l),o),l-n,n,!1,!0);return!i||!h?i??h:(i.getTime()-h.getTime())*n>0?h:i}_walk(e,t,n,r,a=!1){let i=this._states.pattern,o=(l,h)=>n===1?l.increment(i,this.options,h):l.decrement(i,this.options,h),u=new c(e,this.getTz());for((!a||!u.match(i,this.options))&&(u=o(u,r));u;){let l=this._runAt(u,t,n);if(l)return new c(l,this.getTz());u=o(u,!1)}return null}_runAt(e,t,n){let r=d=>(d.getTime()-t)*n>0,a=e.tz;if(typeof a=="number"){let d=e.getDate();return r(d)?d:null}let i=T(e.year,e.month+1,e.day,e.hour,e.minute,e.second,a),o=_(i),u=this._states.pattern.isFixedTime;if(o.kind==="single")return r(o.date)?o.date:null;if(o.kind==="ambiguous"){let{earlier:d,later:p}=o;return(u?[d]:n===1?[d,p]:[p,d]).find(r)??null}if(!u)return null;let l=new Date(k(o.before.getTime(),o.after.getTime(),a)),h=y(l,a);return h.y===i.y&&h.m===i.m&&h.d===i.d&&r(l)?l:null}_calculatePreviousRun(e,t){let n=new c(t,this.getTz()).getTime();if(e.getTime()>n)return;let r=this.options.interval*1e3,a=e;for(;a.getTime()+r<=n;){let i=this._findOccurrence(a,a.getTime(),1,!0);if(i===null)break;a=i}return a}},A=class{cron;cursor;now;done;initialMaxRuns;remainingRuns;constructor(e,t){this.cron=e,this.initialMaxRuns=e.runsLeft()??1/0,this.reset(t)}next(){if(this.done||this.remainingRuns<=0)return this.done=!0,{value:void 0,done:!0};let e=this.cron._nextTarget(this.cursor,this.now);return e===null?(this.done=!0,{value:void 0,done:!0}):(this.cursor=e,this.remainingRuns--,{value:e,done:!1})}peek(){return this.done||this.remainingRuns<=0?null:this.cron._nextTarget(this.cursor,this.now)}reset(e){this.cursor=e instanceof Date?new Date(e.getTime()):e??void 0,this.now=new Date,this.done=!1,this.remainingRuns=this.initialMaxRuns}[Symbol.iterator](){return this}};

;// CONCATENATED MODULE: ./src/config/cron-core.ts
// Unix cron as Cloud Scheduler reads it: five fields, evaluated in an IANA time zone.
// Validation and run times only (croner): this is on the start-up path, before the first
// request; the English description (cronstrue) is in cron.ts, loaded later with the report.

/** One list item of a field: `*`, a number or 3-letter name, an optional range end, an optional step. */
const ITEM = /^(\*|\d+|[A-Z]{3})(-(\d+|[A-Z]{3}))?(\/\d+)?$/;
function fields(expr) {
    return expr.trim().split(/\s+/);
}
// Vixie cron (and Cloud Scheduler) OR day-of-month and day-of-week only when both are
// restricted; a field starting with '*' (such as */2) counts as unrestricted.
function buildCron(expr, timeZone) {
    const [, , dom = '*', , dow = '*'] = fields(expr);
    return new j(expr.trim(), {
        mode: '5-part',
        timezone: timeZone,
        domAndDow: dom.startsWith('*') || dow.startsWith('*'),
    });
}
/** Why `expr` is not a schedule Cloud Scheduler accepts, or undefined when it is fine. */
function validateCron(expr) {
    const parts = fields(expr);
    if (expr.trim().startsWith('@'))
        return 'macros such as @daily are not unix-cron: write the five fields (for example "0 0 * * *")';
    if (parts.length !== 5)
        return `it has ${parts.length} fields; unix-cron has 5 (minute hour day-of-month month day-of-week), without seconds or year`;
    const bad = parts.flatMap((p) => p.split(',')).find((item) => !ITEM.test(item));
    if (bad !== undefined) {
        return `"${bad}" is not allowed: use numbers, *, ranges (1-5), steps (*/15), lists (1,15) and upper-case names (MON, JAN); L, W, # and ? are not supported`;
    }
    try {
        if (buildCron(expr, 'Etc/UTC').nextRun() === null)
            return 'it never fires';
    }
    catch (e) {
        return e.message.replace(/^CronPattern: /, '');
    }
    return undefined;
}
/** The next `count` run times after `from` (default now). */
function nextRuns(expr, timeZone, count, from = new Date()) {
    return buildCron(expr, timeZone).nextRuns(count, from);
}
/** The shortest gap in seconds between consecutive runs over the next `runs` runs; Infinity if it fires at most once. */
function shortestIntervalSeconds(expr, timeZone, runs = 200, from = new Date()) {
    const times = nextRuns(expr, timeZone, runs, from).map((d) => d.getTime());
    let min = Infinity;
    for (let i = 1; i < times.length; i++)
        min = Math.min(min, (times[i] - times[i - 1]) / 1000);
    return min;
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// Durations as the inputs write them: 90s, 10m, 2h, 1h30m, 1h30m15s, or bare seconds.
const UNIT_SECONDS = { h: 3600, m: 60, s: 1 };
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** Seconds in `text`, or undefined when it is not a duration. */
function parseDuration(text) {
    const t = text.trim();
    if (/^\d+$/.test(t))
        return Number(t);
    const m = DURATION.exec(t);
    if (!m || t === '')
        return undefined;
    const [, h = '0', min = '0', s = '0'] = m;
    return Number(h) * UNIT_SECONDS.h + Number(min) * UNIT_SECONDS.m + Number(s);
}
/** The shortest spelling: 5400 -> '1h30m', 90 -> '1m30s', 0 -> '0s'. */
function formatDuration(seconds) {
    let rest = Math.round(seconds);
    let out = '';
    for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        if (n > 0)
            out += `${n}${unit}`;
    }
    return out || '0s';
}


/***/ }),

/***/ 1384:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rh: () => (/* binding */ statusLabel),
/* harmony export */   T1: () => (/* binding */ isPermissionDenied),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   dh: () => (/* binding */ isConflict),
/* harmony export */   gH: () => (/* binding */ GRPC_CODE_NAMES),
/* harmony export */   jq: () => (/* binding */ isQuotaError),
/* harmony export */   n7: () => (/* binding */ isTurnedAway),
/* harmony export */   pW: () => (/* binding */ grpcCodeOf),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   tR: () => (/* binding */ readApiError)
/* harmony export */ });
/* harmony import */ var _scrub_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(356);
// Reads the facts out of a failed Google API call, whatever shape it arrives in:
// - google-gax GoogleError (REST fallback): `code` = gRPC number, `httpStatusCode`,
//   `reason`/`domain`/`errorInfoMetadata` promoted from google.rpc.ErrorInfo, `statusDetails`;
// - gaxios GaxiosError: `status` = HTTP, `code` = HTTP number or a system code string,
//   `response.data` = the AIP-193 body `{error: {code, message, status, details}}` (or an
//   OAuth body `{error, error_description}` from STS);
// - a google.rpc.Status (an LRO `error`, a Scheduler attempt `status`): `{code, message}`;
// - anything else: its message.

/** google.rpc.Code names, indexed by number. */
const GRPC_CODE_NAMES = [
    'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
    'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
    'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];
// The mapping google-gax applies (status.ts rpcCodeFromHttpStatusCode), for errors that carry
// only an HTTP status.
const HTTP_TO_GRPC = {
    400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 412: 9, 416: 11, 429: 8, 499: 1, 501: 12, 503: 14, 504: 4,
};
const isObj = (v) => typeof v === 'object' && v !== null;
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
function grpcFromName(name) {
    const i = GRPC_CODE_NAMES.indexOf(name);
    return i >= 0 ? i : undefined;
}
/** Parsed body of a gaxios response (object, or JSON text). */
function responseBody(err) {
    const data = isObj(err.response) ? err.response.data : undefined;
    if (isObj(data))
        return data;
    if (typeof data === 'string') {
        try {
            const parsed = JSON.parse(data);
            return isObj(parsed) ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** The google.rpc.ErrorInfo among raw JSON details or decoded statusDetails. */
function errorInfo(details) {
    if (!Array.isArray(details))
        return undefined;
    return details.find((d) => isObj(d) && (d['@type'] === 'type.googleapis.com/google.rpc.ErrorInfo' || (typeof d.reason === 'string' && isObj(d.metadata))));
}
function stringRecord(v) {
    if (!isObj(v))
        return {};
    return Object.fromEntries(Object.entries(v).filter((e) => typeof e[1] === 'string'));
}
/** The facts of `err`, from whichever fields it carries. */
function readApiError(err) {
    if (!isObj(err))
        return { message: (0,_scrub_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Z)(String(err)), metadata: {} };
    const body = responseBody(err);
    const apiBody = body && isObj(body.error) ? body.error : undefined; // AIP-193
    const oauth = body && typeof body.error === 'string' ? body : undefined; // RFC 6749 §5.2
    const info = errorInfo(apiBody?.details) ?? errorInfo(err.statusDetails);
    const code = num(err.code);
    const httpStatus = num(err.httpStatusCode) ?? num(err.status) ?? (isObj(err.response) ? num(err.response.status) : undefined) ??
        num(apiBody?.code) ?? (code !== undefined && code >= 100 ? code : undefined);
    const grpcCode = (code !== undefined && code < 100 ? code : undefined) ?? grpcFromName(apiBody?.status) ?? grpcFromName(err.status);
    const message = str(apiBody?.message) ?? str(err.message) ?? (oauth ? `${String(oauth.error)}` : String(err));
    const cause = isObj(err.cause) ? err.cause : undefined;
    return {
        message: (0,_scrub_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Z)(message),
        httpStatus,
        grpcCode,
        reason: str(err.reason) ?? str(info?.reason),
        domain: str(err.domain) ?? str(info?.domain),
        metadata: { ...stringRecord(info?.metadata), ...stringRecord(err.errorInfoMetadata) },
        oauthError: str(oauth?.error),
        oauthDescription: str(oauth?.error_description),
        systemCode: str(err.code) ?? str(cause?.code),
    };
}
/** The gRPC code of `facts`: as carried, else mapped from the HTTP status like google-gax does. */
function grpcCodeOf(facts) {
    if (facts.grpcCode !== undefined)
        return facts.grpcCode;
    const http = facts.httpStatus;
    if (http === undefined)
        return undefined;
    return HTTP_TO_GRPC[http] ?? (http >= 500 && http < 600 ? 13 : http >= 400 && http < 500 ? 9 : undefined);
}
/** 'HTTP 403, PERMISSION_DENIED' — whichever parts are known. */
function statusLabel(facts) {
    const code = grpcCodeOf(facts);
    return [facts.httpStatus && `HTTP ${facts.httpStatus}`, code !== undefined && GRPC_CODE_NAMES[code]].filter(Boolean).join(', ');
}
// Classification: an error matches when either its HTTP status or its gRPC code says so
// (a GoogleError for HTTP 409 + status ALREADY_EXISTS carries code 6 and httpStatusCode 409).
function matches(err, http, grpc) {
    const f = readApiError(err);
    return (f.httpStatus !== undefined && http.includes(f.httpStatus)) || (f.grpcCode !== undefined && grpc.includes(f.grpcCode));
}
// Connection-level failures worth one more try (ECONNREFUSED is not: nothing listens).
const TRANSIENT_SYSTEM_CODES = ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'TimeoutError'];
/** 429, 5xx gateway errors, RESOURCE_EXHAUSTED / UNAVAILABLE / INTERNAL / DEADLINE_EXCEEDED, dropped connections. */
function isRetryable(err) {
    if (matches(err, [429, 500, 502, 503, 504], [8, 14, 13, 4]))
        return true;
    const system = readApiError(err).systemCode;
    return system !== undefined && TRANSIENT_SYSTEM_CODES.includes(system);
}
/** 409, ALREADY_EXISTS, ABORTED (a stale etag). */
const isConflict = (err) => matches(err, [409], [6, 10]);
/** 404, NOT_FOUND. */
const isNotFound = (err) => matches(err, [404], [5]);
/** 429, RESOURCE_EXHAUSTED: a quota; back off harder and poll slower. */
const isQuotaError = (err) => matches(err, [429], [8]);
/** 403, PERMISSION_DENIED. */
const isPermissionDenied = (err) => matches(err, [403], [7]);
/**
 * 429 / 503 (RESOURCE_EXHAUSTED / UNAVAILABLE): the request was turned away, so even a call
 * that must not run twice (a job's :run) may be sent again. A 500, a 504 or a dropped
 * connection leave it unknown whether the work started.
 */
const isTurnedAway = (err) => matches(err, [429, 503], [8, 14]);


/***/ }),

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ scrubSecrets)
/* harmony export */ });
// Defence in depth: API and STS messages can echo request material back, so anything
// that looks like a credential is cut out before a message reaches the log.
const SECRET_PATTERNS = [
    // JWTs (GitHub OIDC tokens, Google ID tokens): header.payload[.signature]
    /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?/g,
    // Google OAuth access tokens
    /\bya29\.[A-Za-z0-9_.-]+/g,
    // Any bearer credential in an echoed header
    /\b(Bearer\s+)[A-Za-z0-9_.~+/=-]+/gi,
    // Token fields echoed in form or JSON bodies
    /\b((?:access_token|id_token|refresh_token|subject_token|accessToken|idToken)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/g,
];
/** `text` with anything token-like replaced by [REDACTED]. */
function scrubSecrets(text) {
    return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, (_match, keep) => `${typeof keep === 'string' ? keep : ''}[REDACTED]`), text);
}


/***/ }),

/***/ 8673:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   rG: () => (/* binding */ quotaSignal),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export backoffMs */
/* harmony import */ var _errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1384);
// Bounded retries with exponential backoff and full jitter. Google's APIs answer 429 and
// 503 in normal operation; the Run and Scheduler clients do not retry in REST mode.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * When a quota error (429 / RESOURCE_EXHAUSTED) was last seen, by any call of this run: the
 * project's read quota is shared, so the pollers slow down (pollUntil reads this).
 */
const quotaSignal = { lastAt: 0, count: 0 };
/** The backoff before attempt `attempt + 1`; quota errors back off harder. */
function backoffMs(attempt, err, opts = {}) {
    const base = opts.baseMs ?? 250;
    const quota = (0,_errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isQuotaError */ .jq)(err);
    const ceiling = Math.min(opts.maxMs ?? 8000, (quota ? base * 4 : base) * 2 ** (attempt - 1));
    // Full jitter, but never less than a quarter of the ceiling, so a retry is not immediate.
    const r = (opts.random ?? Math.random)();
    return Math.round(ceiling * (0.25 + 0.75 * r));
}
async function withRetry(fn, opts = {}) {
    const attempts = opts.attempts ?? 6;
    const retryOn = opts.retryOn ?? _errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryable */ .r3;
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (err) {
            if ((0,_errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isQuotaError */ .jq)(err)) {
                quotaSignal.lastAt = Date.now();
                quotaSignal.count++;
            }
            if (attempt >= attempts || !retryOn(err))
                throw err;
            const delay = backoffMs(attempt, err, opts);
            if (opts.deadline !== undefined && Date.now() + delay > opts.deadline)
                throw err;
            if (Date.now() + delay - started > (opts.budgetMs ?? 120_000))
                throw err;
            opts.onRetry?.(err, delay, attempt);
            await sleep(delay);
        }
    }
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9414);
// Entry point of the bundle (dist/index.js): what GitHub runs.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: getInput

// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __nccwpck_require__(3053);
// EXTERNAL MODULE: ./src/auth/github-token.ts
var github_token = __nccwpck_require__(1139);
// EXTERNAL MODULE: ./src/config/cron-core.ts + 1 modules
var cron_core = __nccwpck_require__(5947);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __nccwpck_require__(7840);
;// CONCATENATED MODULE: ./src/config/guard-rails.ts
// Warnings for designs that deploy fine but are known to misbehave once scheduled.


/** Cloud Run defaults when the input is empty. */
const DEFAULT_TASK_TIMEOUT_SECONDS = 600;
const DEFAULT_SERVICE_TIMEOUT_SECONDS = 300;
/** Cloud Scheduler's attempt deadline for HTTP targets: default and maximum. */
const DEFAULT_ATTEMPT_DEADLINE_SECONDS = 180;
const MAX_ATTEMPT_DEADLINE_SECONDS = 30 * 60;
const serviceOutlivesDeadline = ({ kind, service }, schedule) => {
    const timeout = service.timeoutSeconds;
    const deadline = schedule.attemptDeadlineSeconds ?? DEFAULT_ATTEMPT_DEADLINE_SECONDS;
    if (kind !== 'service' || timeout === undefined || timeout <= deadline)
        return undefined;
    const problem = `The service's timeout (${(0,duration/* formatDuration */.a)(timeout)}) is longer than the Cloud Scheduler attempt deadline ` +
        `(${(0,duration/* formatDuration */.a)(deadline)}): the Scheduler gives up first and may retry while the first request still runs.`;
    return timeout > MAX_ATTEMPT_DEADLINE_SECONDS
        ? `${problem} No attempt deadline can exceed 30m, so use kind: job, which runs to completion without holding a request open.`
        : `${problem} Set attempt_deadline to at least ${(0,duration/* formatDuration */.a)(timeout)}, or use kind: job.`;
};
const runsCanOverlap = ({ kind, job, service }, schedule) => {
    const [work, input] = kind === 'job'
        ? [job.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS, "the job's task_timeout"]
        : [service.timeoutSeconds ?? DEFAULT_SERVICE_TIMEOUT_SECONDS, "the service's timeout"];
    const interval = (0,cron_core/* shortestIntervalSeconds */.jy)(schedule.cron, schedule.timeZone);
    if (interval >= work)
        return undefined;
    return (`The schedule "${schedule.cron}" fires as often as every ${(0,duration/* formatDuration */.a)(interval)}, but one run may take up to ` +
        `${(0,duration/* formatDuration */.a)(work)} (${input}): ` +
        'runs can overlap. Fire less often, shorten the timeout, or make the work safe to run twice at once.');
};
const overridesNeedRole = ({ kind }, schedule) => kind === 'job' && schedule.bodyHasOverrides
    ? `The trigger body carries overrides, which need the permission run.jobs.runWithOverrides: ` +
        `${schedule.invokerServiceAccount} is granted roles/run.jobsExecutorWithOverrides on the job instead of roles/run.invoker.`
    : undefined;
const ingressBlocksScheduler = ({ kind, service }) => kind === 'service' && service.ingress !== undefined && service.ingress !== 'all'
    ? `The service's ingress is ${service.ingress}: Cloud Scheduler reaches it only from inside a VPC Service Controls ` +
        'perimeter that includes Cloud Scheduler; otherwise the scheduled requests are refused. Use ingress all (IAM still guards the service) unless you have such a perimeter.'
    : undefined;
const RULES = [serviceOutlivesDeadline, runsCanOverlap, overridesNeedRole, ingressBlocksScheduler];
/** Plain-sentence warnings for a valid config; none for a good design or without a schedule. */
function guardRailWarnings(config) {
    const { schedule } = config;
    if (schedule === undefined)
        return [];
    return RULES.map((rule) => rule(config, schedule)).filter((w) => w !== undefined);
}

;// CONCATENATED MODULE: ./src/config/inputs.ts
// The action's inputs and their action.yml defaults. The runner applies these defaults
// itself; readInputs applies them too, so running dist/index.js with only the required
// inputs set behaves the same. test/unit/action-defaults.test.ts keeps this table and
// action.yml in step. Required inputs have no default ('').
const INPUT_DEFAULTS = {
    // Auth
    workload_identity_provider: '',
    service_account: '',
    audience: '',
    // Target
    project_id: '',
    region: '',
    kind: 'job',
    name: '',
    image: '',
    runtime_service_account: '',
    env_vars: '',
    env_vars_update_strategy: 'merge',
    secrets: '',
    secrets_update_strategy: 'merge',
    labels: '',
    skip_default_labels: 'false',
    command: '',
    args: '',
    cpu: '',
    memory: '',
    // Job only
    tasks: '',
    parallelism: '',
    max_retries: '',
    task_timeout: '',
    // Service only
    timeout: '',
    concurrency: '',
    min_instances: '',
    max_instances: '',
    ingress: '',
    allow_unauthenticated: 'false',
    // Schedule
    schedule: '',
    time_zone: 'Etc/UTC',
    scheduler_job: '',
    scheduler_region: '',
    invoker_service_account: '',
    path: '/',
    http_method: 'POST',
    body: '',
    attempt_deadline: '',
    retry_count: '',
    paused: 'false',
    // Smoke test and mode
    smoke_test: 'true',
    smoke_timeout: '10m',
    dry_run: 'false',
};
/** Inputs action.yml marks required: true. */
const REQUIRED_INPUTS = (/* unused pure expression or super */ null && (['region', 'name', 'image']));
const INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
/** Every input, trimmed, with the action.yml default when absent or empty. */
function readInputs(get) {
    const raw = {};
    for (const name of INPUT_NAMES) {
        const value = (get(name) ?? '').trim();
        raw[name] = value === '' ? INPUT_DEFAULTS[name] : value;
    }
    return raw;
}

;// CONCATENATED MODULE: ./src/config/rules.ts
// Formats of the text inputs: a pattern and, for the error message, what is allowed.
const SA_EXAMPLE = 'NAME@PROJECT.iam.gserviceaccount.com';
const rules_RULES = {
    name: {
        pattern: /^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$/,
        allowed: 'use lowercase letters, digits and hyphens, start with a letter, do not end with a hyphen, at most 49 characters',
    },
    projectId: {
        pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
        allowed: 'a project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen',
    },
    region: {
        pattern: /^[a-z]+(-[a-z]+)+\d+$/,
        allowed: 'a region such as europe-west1 or us-central1',
    },
    // User-managed (NAME@PROJECT.iam...) and Google-managed accounts (PROJECT_NUMBER-compute@developer...).
    serviceAccount: {
        pattern: /^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9][a-z0-9.-]*\.gserviceaccount\.com$/,
        allowed: `a service account email such as ${SA_EXAMPLE}`,
    },
    schedulerJob: {
        pattern: /^[A-Za-z0-9_-]{1,500}$/,
        allowed: 'letters, digits, hyphens and underscores, at most 500 characters',
    },
    path: {
        pattern: /^\/\S*$/,
        allowed: "a URL path starting with '/', without spaces",
    },
    // registry[:port]/path[:tag][@sha256:digest], as Docker and Artifact Registry spell references.
    image: {
        pattern: /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/,
        allowed: 'an image reference such as REGION-docker.pkg.dev/PROJECT/REPO/IMAGE:TAG or ...@sha256:DIGEST, without spaces',
    },
    envName: {
        pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
        allowed: 'letters, digits and underscores, not starting with a digit',
    },
    secretRef: {
        pattern: /^(?:projects\/[a-z0-9-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}:(?:latest|[1-9]\d*)$/,
        allowed: 'SECRET:VERSION, where SECRET is a secret ID (or projects/PROJECT/secrets/SECRET) and VERSION is a number or latest',
    },
    labelKey: {
        pattern: /^[a-z][a-z0-9_-]{0,62}$/,
        allowed: 'lowercase letters, digits, underscores and hyphens, starting with a letter, at most 63 characters',
    },
    labelValue: {
        pattern: /^[a-z0-9_-]{0,63}$/,
        allowed: 'lowercase letters, digits, underscores and hyphens, at most 63 characters',
    },
    // CPU: fractions below 1 (0.08 at least), or 1, 2, 4, 6, 8; in cores or millicores.
    cpu: {
        pattern: /^(?:\d+(?:\.\d+)?|\d+m)$/,
        allowed: 'CPUs such as 1, 2, 4, 6 or 8, a fraction from 0.08 to below 1 (0.5), or millicores (500m, 1000m)',
    },
    memory: {
        pattern: /^\d+(?:Mi|Gi|M|G)$/,
        allowed: 'a size from 128Mi to 32Gi such as 512Mi or 2Gi',
    },
};
/** Names set by Cloud Run itself (the container runtime contract) and not settable. */
const RESERVED_ENV_NAMES = new Set([
    'PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION',
    'CLOUD_RUN_JOB', 'CLOUD_RUN_EXECUTION', 'CLOUD_RUN_TASK_INDEX', 'CLOUD_RUN_TASK_ATTEMPT', 'CLOUD_RUN_TASK_COUNT',
]);
const RESERVED_LABEL_PREFIXES = ['run.googleapis.com/', 'cloud.googleapis.com/'];
/** CPU in cores, when it is a count Cloud Run accepts. */
function cpuCores(text) {
    const cores = text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text);
    const ok = (cores >= 0.08 && cores < 1) || [1, 2, 4, 6, 8].includes(cores);
    return ok ? cores : undefined;
}
const MEMORY_UNIT = { Mi: 2 ** 20, Gi: 2 ** 30, M: 1e6, G: 1e9 };
/** Memory in bytes, when within Cloud Run's 128Mi..32Gi. */
function memoryBytes(text) {
    const m = /^(\d+)(Mi|Gi|M|G)$/.exec(text);
    if (!m)
        return undefined;
    const bytes = Number(m[1]) * MEMORY_UNIT[m[2]];
    return bytes >= 128 * 2 ** 20 && bytes <= 32 * 2 ** 30 ? bytes : undefined;
}
/** Whether `zone` is an IANA time zone name, spelled as the tz database does. */
function isTimeZone(zone) {
    if (!/^[A-Za-z]/.test(zone))
        return false; // offsets such as +01:00 are not zones
    try {
        const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
        // Intl ignores case (europe/berlin); Cloud Scheduler does not.
        return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/config/lists.ts
// KEY=VALUE lists (env_vars, secrets, labels): one a line or comma-separated; a value may
// contain '='; a comma inside a value is written '\,'.

function splitEntries(text) {
    return text
        .split(/\r?\n/)
        .flatMap((line) => line.split(/(?<!\\),/))
        .map((entry) => entry.replace(/\\,/g, ',').trim())
        .filter((entry) => entry !== '');
}
function parsePairs(text) {
    const items = [];
    const problems = [];
    const seen = new Set();
    for (const entry of splitEntries(text)) {
        const eq = entry.indexOf('=');
        const key = eq > 0 ? entry.slice(0, eq).trim() : '';
        if (key === '') {
            problems.push(`${quote(entry)} is not KEY=VALUE`);
        }
        else if (seen.has(key)) {
            problems.push(`${quote(key)} is given twice`);
        }
        else {
            seen.add(key);
            items.push({ key, value: entry.slice(eq + 1).trim() });
        }
    }
    return { items, problems };
}
function envNameProblem(name) {
    if (!rules_RULES.envName.pattern.test(name))
        return `the name ${quote(name)} is not allowed: use ${rules_RULES.envName.allowed}`;
    if (RESERVED_ENV_NAMES.has(name) || name.startsWith('X_GOOGLE_'))
        return `${quote(name)} is reserved: Cloud Run sets it`;
    return undefined;
}
function parseEnvVars(text) {
    const { items, problems } = parsePairs(text);
    problems.push(...items.flatMap(({ key }) => envNameProblem(key) ?? []));
    return { items: items.map(({ key, value }) => ({ name: key, value })), problems };
}
function parseSecrets(text) {
    const { items, problems } = parsePairs(text);
    const secrets = [];
    for (const { key, value } of items) {
        const nameProblem = envNameProblem(key);
        if (nameProblem)
            problems.push(nameProblem);
        if (!rules_RULES.secretRef.pattern.test(value)) {
            problems.push(`${quote(`${key}=${value}`)} is not allowed: write KEY=${rules_RULES.secretRef.allowed}`);
            continue;
        }
        const colon = value.lastIndexOf(':');
        secrets.push({ name: key, secret: value.slice(0, colon), version: value.slice(colon + 1) });
    }
    return { items: secrets, problems };
}
function parseLabels(text) {
    const { items, problems } = parsePairs(text);
    for (const { key, value } of items) {
        if (RESERVED_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix))) {
            problems.push(`the key ${quote(key)} is reserved: keys under ${RESERVED_LABEL_PREFIXES.join(' and ')} are set by Google Cloud`);
        }
        else if (!rules_RULES.labelKey.pattern.test(key)) {
            problems.push(`the key ${quote(key)} is not allowed: use ${rules_RULES.labelKey.allowed}`);
        }
        if (!rules_RULES.labelValue.pattern.test(value)) {
            problems.push(`the value ${quote(value)} of ${quote(key)} is not allowed: use ${rules_RULES.labelValue.allowed}`);
        }
    }
    if (items.length > 64)
        problems.push(`${items.length} labels are too many: at most 64`);
    return { items, problems };
}
/** A value as the messages show it: JSON-quoted, long ones cut. */
function quote(value) {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

;// CONCATENATED MODULE: ./src/config/types.ts
// The validated configuration: everything the later steps need, already parsed,
// range-checked and defaulted. Produced only by config/parse-config.ts.
/** A bad input: names the input and what is allowed. Thrown before any request. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`Input '${input}': ${message}`);
        this.name = 'InputError';
        this.input = input;
    }
}
/**
 * Every bad input at once, so one failed run shows all there is to fix. It is an
 * InputError too (`input` lists the inputs), so `instanceof InputError` still catches it.
 */
class InputErrors extends InputError {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.input).join(', '), '');
        this.name = 'InputErrors';
        this.errors = errors;
        this.message =
            errors.length === 1
                ? errors[0].message
                : `${errors.length} problems with the inputs:\n${errors.map((e) => `- ${e.message}`).join('\n')}`;
    }
}

;// CONCATENATED MODULE: ./src/config/reader.ts
// Reads one raw input at a time and records what is wrong with it, so parseConfig can
// report every bad input at once.




class Reader {
    raw;
    errors = [];
    constructor(raw) {
        this.raw = raw;
    }
    /** Records a problem with `input`; returns undefined so callers can `return r.fail(...)`. */
    fail(input, message) {
        this.errors.push(new InputError(input, message));
        return undefined;
    }
    hasError(input) {
        return this.errors.some((e) => e.input === input);
    }
    /** The value, or undefined when empty. */
    text(input) {
        return this.raw[input] === '' ? undefined : this.raw[input];
    }
    /** Whether the input differs from its action.yml default (i.e. the user set it). */
    isSet(input) {
        return this.raw[input] !== INPUT_DEFAULTS[input];
    }
    required(input, rule) {
        if (this.text(input) === undefined)
            return this.fail(input, `required: ${rule.allowed}.`);
        return this.matching(input, rule);
    }
    matching(input, rule) {
        const value = this.text(input);
        if (value === undefined || rule.pattern.test(value))
            return value;
        return this.notAllowed(input, rule.allowed);
    }
    notAllowed(input, allowed) {
        return this.fail(input, `${quote(this.raw[input])} is not allowed: ${allowed}.`);
    }
    /** One of `values`, matched in any case (post -> POST). */
    oneOf(input, values) {
        const value = this.text(input)?.toLowerCase();
        if (value === undefined)
            return undefined;
        return values.find((v) => v.toLowerCase() === value) ?? this.notAllowed(input, `use ${orList(values)}`);
    }
    /** true or false, in any case. */
    bool(input) {
        const value = this.raw[input].toLowerCase();
        if (value !== 'true' && value !== 'false')
            this.notAllowed(input, 'use true or false');
        return value === 'true';
    }
    int(input, min, max = Number.MAX_SAFE_INTEGER) {
        const value = this.text(input);
        if (value === undefined)
            return undefined;
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (n >= min && n <= max)
            return n;
        const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
        return this.notAllowed(input, `use a whole number ${range}`);
    }
    duration(input, minSeconds, maxSeconds) {
        const value = this.text(input);
        if (value === undefined)
            return undefined;
        const seconds = (0,duration/* parseDuration */.E)(value);
        if (seconds !== undefined && seconds >= minSeconds && seconds <= maxSeconds)
            return seconds;
        const range = `from ${(0,duration/* formatDuration */.a)(minSeconds)} to ${(0,duration/* formatDuration */.a)(maxSeconds)}`;
        return this.notAllowed(input, `use a duration ${range}, such as 90s, 10m, 2h, 1h30m or a number of seconds`);
    }
}
function orList(values) {
    return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

;// CONCATENATED MODULE: ./src/config/run-job-body.ts
// The Scheduler body for a job: a Cloud Run Admin API v1 RunJobRequest, since the trigger
// calls .../v1/namespaces/PROJECT/jobs/NAME:run. Checked strictly, as the API rejects
// unknown fields.
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isIntIn = (v, min, max) => Number.isInteger(v) && v >= min && v <= max;
function unknownKeys(obj, allowed, where) {
    return Object.keys(obj)
        .filter((k) => !allowed.includes(k))
        .map((k) => `${where} has an unknown field "${k}" (allowed: ${allowed.join(', ')})`);
}
function envProblems(env, where) {
    if (!Array.isArray(env))
        return [`${where}.env must be an array of {"name", "value"}`];
    return env.flatMap((e, i) => isObject(e) && typeof e.name === 'string' && (e.value === undefined || typeof e.value === 'string')
        ? unknownKeys(e, ['name', 'value'], `${where}.env[${i}]`)
        : [`${where}.env[${i}] must be {"name": string, "value": string}`]);
}
function containerOverrideProblems(c, i) {
    const where = `overrides.containerOverrides[${i}]`;
    if (!isObject(c))
        return [`${where} must be an object`];
    return [
        ...unknownKeys(c, ['name', 'args', 'env', 'clearArgs'], where),
        ...(c.name !== undefined && typeof c.name !== 'string' ? [`${where}.name must be a string`] : []),
        ...(c.args !== undefined && !isStringArray(c.args) ? [`${where}.args must be an array of strings`] : []),
        ...(c.clearArgs !== undefined && typeof c.clearArgs !== 'boolean' ? [`${where}.clearArgs must be true or false`] : []),
        ...(c.env !== undefined ? envProblems(c.env, where) : []),
    ];
}
function overridesProblems(o) {
    if (!isObject(o))
        return ['overrides must be an object'];
    const { containerOverrides: co, taskCount, timeoutSeconds } = o;
    return [
        ...unknownKeys(o, ['containerOverrides', 'taskCount', 'timeoutSeconds'], 'overrides'),
        ...(co !== undefined && !Array.isArray(co) ? ['overrides.containerOverrides must be an array'] : []),
        ...(Array.isArray(co) ? co.flatMap(containerOverrideProblems) : []),
        ...(taskCount !== undefined && !isIntIn(taskCount, 1, 10000) ? ['overrides.taskCount must be a whole number from 1 to 10000'] : []),
        ...(timeoutSeconds !== undefined && !isIntIn(timeoutSeconds, 1, 168 * 3600)
            ? ['overrides.timeoutSeconds must be a whole number of seconds from 1 to 604800 (168h)']
            : []),
    ];
}
/** Checks `text` as a RunJobRequest; `hasOverrides` when it carries `overrides`. */
function checkRunJobBody(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return { hasOverrides: false, problems: ['it is not JSON'] };
    }
    if (!isObject(body))
        return { hasOverrides: false, problems: ['it must be a JSON object'] };
    const problems = [
        ...unknownKeys(body, ['overrides'], 'the request'),
        ...(body.overrides !== undefined ? overridesProblems(body.overrides) : []),
    ];
    return { hasOverrides: body.overrides !== undefined, problems };
}

;// CONCATENATED MODULE: ./src/config/parse-config.ts
// Turns the raw inputs into a Config, or throws InputErrors naming every bad input.








const KINDS = ['job', 'service'];
const STRATEGIES = ['merge', 'overwrite'];
const INGRESSES = ['all', 'internal', 'internal-and-cloud-load-balancing'];
const HTTP_METHODS = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];
const JOB_ONLY = ['tasks', 'parallelism', 'max_retries', 'task_timeout'];
const SERVICE_ONLY = [
    'timeout', 'concurrency', 'min_instances', 'max_instances', 'ingress', 'allow_unauthenticated', 'path',
];
/** Inputs that only shape the Scheduler job. */
const SCHEDULE_ONLY = [
    'time_zone', 'scheduler_job', 'scheduler_region', 'invoker_service_account', 'path', 'http_method', 'body',
    'attempt_deadline', 'retry_count', 'paused',
];
const HOUR = 3600;
const PROVIDER = /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
const POOL = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/?$/;
const POOL_OR_PROVIDER_ID = /^[a-z0-9-]{4,32}$/;
const PROVIDER_FORMAT = 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER';
const SA_PROJECT = /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
/**
 * Validates every input; throws InputErrors listing all problems, before any request.
 * `deferWarnings`: leave config.warnings empty (the guard rails walk 200 runs of the schedule,
 * ~40 ms): main computes them with guardRailWarnings once the first request is in flight.
 */
function parseConfig(get, options = {}) {
    const r = new Reader(readInputs(get));
    const kind = r.oneOf('kind', KINDS);
    const name = r.required('name', rules_RULES.name);
    const region = r.required('region', rules_RULES.region);
    const auth = readAuth(r);
    const labels = readLabels(r);
    // Inputs of the other kind first, so they are not also reported as needing schedule.
    if (kind === 'job')
        rejectOthers(r, SERVICE_ONLY, 'service', kind);
    if (kind === 'service')
        rejectOthers(r, JOB_ONLY, 'job', kind);
    const job = kind === 'job' ? readJob(r) : {};
    const service = kind === 'service' ? readService(r) : { allowUnauthenticated: false };
    const config = {
        auth,
        projectId: readProjectId(r, auth),
        region: region ?? '',
        kind: kind ?? 'job',
        name: name ?? '',
        image: r.required('image', rules_RULES.image) ?? '',
        runtimeServiceAccount: r.matching('runtime_service_account', rules_RULES.serviceAccount),
        ...readEnv(r),
        envVarsUpdateStrategy: r.oneOf('env_vars_update_strategy', STRATEGIES) ?? 'merge',
        secretsUpdateStrategy: r.oneOf('secrets_update_strategy', STRATEGIES) ?? 'merge',
        labels,
        command: readWords(r, 'command'),
        args: readWords(r, 'args'),
        cpu: readChecked(r, 'cpu', rules_RULES.cpu.allowed, cpuCores),
        memory: readChecked(r, 'memory', rules_RULES.memory.allowed, memoryBytes),
        job,
        service,
        schedule: readSchedule(r, kind, name, region),
        smoke: { enabled: r.bool('smoke_test'), timeoutSeconds: r.duration('smoke_timeout', 1, 6 * HOUR) ?? 600 },
        dryRun: r.bool('dry_run'),
        warnings: [],
    };
    if (r.errors.length > 0)
        throw new InputErrors(inActionYmlOrder(r.errors));
    if (!options.deferWarnings)
        config.warnings = guardRailWarnings(config);
    return config;
}
/** Errors listed as action.yml lists the inputs (a stable sort keeps each input's own order). */
function inActionYmlOrder(errors) {
    const rank = (e) => INPUT_NAMES.indexOf(e.input);
    return [...errors].sort((a, b) => rank(a) - rank(b));
}
function readAuth(r) {
    const provider = readProvider(r);
    const serviceAccount = r.matching('service_account', rules_RULES.serviceAccount);
    let audience = r.text('audience');
    if (audience !== undefined && r.text('workload_identity_provider') === undefined) {
        r.fail('audience', 'needs workload_identity_provider: the audience is that of the GitHub token exchanged with the provider.');
    }
    else if (audience !== undefined && /\s/.test(audience)) {
        r.notAllowed('audience', 'use a URI without spaces, such as https://iam.googleapis.com/' + PROVIDER_FORMAT);
    }
    audience ??= provider && `https://iam.googleapis.com/${provider}`;
    return { workloadIdentityProvider: provider, serviceAccount, audience };
}
/** The provider path, with a message for each mistake people make with it. */
function readProvider(r) {
    const input = 'workload_identity_provider';
    const value = r.text(input);
    if (value === undefined)
        return undefined;
    if (value.startsWith('//iam.googleapis.com/')) {
        return r.notAllowed(input, `drop the leading //iam.googleapis.com/: use ${PROVIDER_FORMAT}`);
    }
    if (POOL.test(value)) {
        return r.notAllowed(input, `this is a workload identity pool, not a provider: add /providers/PROVIDER (${PROVIDER_FORMAT})`);
    }
    const m = PROVIDER.exec(value);
    if (!m)
        return r.notAllowed(input, `use ${PROVIDER_FORMAT}`);
    const [, project = '', pool = '', providerId = ''] = m;
    if (!/^\d+$/.test(project)) {
        return r.notAllowed(input, `the provider path needs the project number, not the project ID ${quote(project)}; ` +
            `find it with: gcloud projects describe ${project} --format='value(projectNumber)'`);
    }
    if (!POOL_OR_PROVIDER_ID.test(pool) || !POOL_OR_PROVIDER_ID.test(providerId)) {
        return r.notAllowed(input, 'pool and provider IDs are 4 to 32 lowercase letters, digits and hyphens');
    }
    return value;
}
/** project_id, else the project of service_account; undefined = from Application Default Credentials. */
function readProjectId(r, auth) {
    if (r.isSet('project_id'))
        return r.matching('project_id', rules_RULES.projectId);
    return SA_PROJECT.exec(auth.serviceAccount ?? '')?.[1];
}
function readEnv(r) {
    const env = parseEnvVars(r.raw.env_vars);
    const secrets = parseSecrets(r.raw.secrets);
    env.problems.forEach((p) => r.fail('env_vars', `${p}.`));
    secrets.problems.forEach((p) => r.fail('secrets', `${p}.`));
    const envNames = new Set(env.items.map((e) => e.name));
    for (const s of secrets.items.filter((s) => envNames.has(s.name))) {
        r.fail('secrets', `${quote(s.name)} is also in env_vars: a variable comes from one or the other.`);
    }
    return { envVars: env.items, secrets: secrets.items };
}
function readLabels(r) {
    const { items, problems } = parseLabels(r.raw.labels);
    problems.forEach((p) => r.fail('labels', `${p}.`));
    const labels = Object.fromEntries(items.map(({ key, value }) => [key, value]));
    // A user's own managed-by wins over the default.
    return r.bool('skip_default_labels') ? labels : { 'managed-by': 'cloud-run-cron', ...labels };
}
/** command/args: a JSON array of strings, or words separated by whitespace. */
function readWords(r, input) {
    const value = r.text(input);
    if (value === undefined)
        return undefined;
    if (!value.startsWith('['))
        return value.split(/\s+/);
    try {
        const words = JSON.parse(value);
        if (Array.isArray(words) && words.every((w) => typeof w === 'string'))
            return words;
    }
    catch {
        // reported below
    }
    return r.notAllowed(input, 'use a JSON array of strings such as ["python", "main.py"], or words separated by spaces');
}
/** A value kept as written once `check` accepts it (cpu, memory). */
function readChecked(r, input, allowed, check) {
    const value = r.text(input);
    if (value === undefined || check(value) !== undefined)
        return value;
    return r.notAllowed(input, `use ${allowed}`);
}
/** An error for each input of the other kind that is set. */
function rejectOthers(r, inputs, owner, kind) {
    for (const input of inputs.filter((i) => r.isSet(i))) {
        r.fail(input, `applies to kind: ${owner} only, and this is kind: ${kind}. Remove it or set kind: ${owner}.`);
    }
}
function readJob(r) {
    const tasks = r.int('tasks', 1, 10000);
    return {
        tasks,
        parallelism: r.int('parallelism', 0, tasks ?? 1),
        maxRetries: r.int('max_retries', 0, 10),
        taskTimeoutSeconds: r.duration('task_timeout', 1, 168 * HOUR),
    };
}
function readService(r) {
    const minInstances = r.int('min_instances', 0);
    const maxInstances = r.int('max_instances', 0);
    if (minInstances !== undefined && maxInstances !== undefined && minInstances > maxInstances) {
        r.fail('min_instances', `${minInstances} is more than max_instances (${maxInstances}): use at most max_instances.`);
    }
    return {
        timeoutSeconds: r.duration('timeout', 1, HOUR),
        concurrency: r.int('concurrency', 1, 1000),
        minInstances,
        maxInstances,
        ingress: r.oneOf('ingress', INGRESSES),
        allowUnauthenticated: r.bool('allow_unauthenticated'),
    };
}
function readSchedule(r, kind, name, region) {
    const cron = r.text('schedule');
    const problem = cron === undefined ? undefined : (0,cron_core/* validateCron */.JJ)(cron);
    if (problem)
        r.notAllowed('schedule', `${problem}. Use unix-cron with 5 fields: minute hour day-of-month month day-of-week, such as "0 3 * * *"`);
    const timeZone = r.raw.time_zone;
    if (!isTimeZone(timeZone))
        r.notAllowed('time_zone', 'use an IANA time zone name such as Etc/UTC or Europe/Berlin, spelled with its capitals');
    const fields = readScheduleFields(r, kind);
    const invoker = r.matching('invoker_service_account', rules_RULES.serviceAccount);
    if (cron === undefined) {
        SCHEDULE_ONLY.filter((input) => r.isSet(input) && !r.hasError(input)).forEach((input) => r.fail(input, 'needs schedule: without a schedule no Cloud Scheduler job is touched. Set schedule or remove this input.'));
        return undefined;
    }
    if (invoker === undefined && !r.hasError('invoker_service_account')) {
        r.fail('invoker_service_account', `required with schedule: ${rules_RULES.serviceAccount.allowed}, the account Cloud Scheduler calls the ${kind ?? 'job'} as.`);
    }
    return {
        cron,
        timeZone,
        jobId: r.matching('scheduler_job', rules_RULES.schedulerJob) ?? `${name}-schedule`,
        region: r.matching('scheduler_region', rules_RULES.region) ?? region ?? '',
        invokerServiceAccount: invoker ?? '',
        ...fields,
    };
}
function readScheduleFields(r, kind) {
    const httpMethod = r.oneOf('http_method', HTTP_METHODS) ?? 'POST';
    if (kind === 'job' && httpMethod !== 'POST') {
        r.notAllowed('http_method', 'a job is started with POST to its :run URI; remove http_method');
    }
    const body = r.text('body');
    let bodyHasOverrides = false;
    if (body !== undefined && !BODY_METHODS.includes(httpMethod)) {
        r.fail('body', `is allowed only with http_method POST, PUT or PATCH, and http_method is ${httpMethod}. Remove body or change http_method.`);
    }
    else if (body !== undefined && kind === 'job') {
        const checked = checkRunJobBody(body);
        checked.problems.forEach((p) => r.fail('body', `for a job it must be a JSON RunJobRequest such as {"overrides": {"containerOverrides": [{"args": ["--full"]}], "taskCount": 2}}: ${p}.`));
        bodyHasOverrides = checked.hasOverrides;
    }
    return {
        path: (kind === 'service' && r.matching('path', rules_RULES.path)) || '/',
        httpMethod,
        body,
        bodyHasOverrides,
        attemptDeadlineSeconds: r.duration('attempt_deadline', 15, 30 * 60),
        retryCount: r.int('retry_count', 0, 5),
        paused: r.bool('paused'),
    };
}

;// CONCATENATED MODULE: ./src/main.ts
// Wires the steps: inputs -> config -> (auth, while the rest of the code loads) -> what
// exists -> plan -> apply -> smoke test -> report. Each step lives in its own module.
//
// Start-up is on every run's clock: this module and what it imports statically (the input
// parser, croner, the GitHub token request on Node's own http client) are all that load
// before the first request leaves. google-auth-library loads while the GitHub token is in
// flight; @actions/core and the rest while the STS exchange is.




const noop = () => undefined;
/** Resolves when the next HTTP request has been handed to the operating system. */
function nextRequestSent() {
    return new Promise((resolve) => {
        const started = (message) => {
            (0,external_node_diagnostics_channel_.unsubscribe)('http.client.request.start', started);
            message.request.once('finish', () => resolve());
        };
        (0,external_node_diagnostics_channel_.subscribe)('http.client.request.start', started);
    });
}
/** How long deploy, IAM and Scheduler writes may take in all, before the smoke test. */
const DEPLOY_DEADLINE_MS = 20 * 60_000;
/** core.getInput without loading @actions/core: INPUT_<NAME>, trimmed. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
async function run(env = process.env) {
    let config;
    try {
        config = parseConfig((name) => getInput(name, env), { deferWarnings: true });
    }
    catch (err) {
        const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
        core.setOutput('changed', 'false');
        core.setOutput('execution_status', 'skipped');
        core.setFailed(err instanceof Error ? err.message : String(err));
        return;
    }
    // The first round trip leaves now; the rest of the code loads while it is in flight (not
    // before it is on the wire: loading a chunk blocks the event loop that would send it).
    const provider = config.auth.workloadIdentityProvider;
    let githubToken;
    let sent = Promise.resolve();
    if (provider) {
        let onSent;
        const wire = new Promise((resolve) => (onSent = resolve));
        githubToken = (0,github_token/* requestGithubToken */.e)(config.auth.audience ?? `https://iam.googleapis.com/${provider}`, env, { onSent });
        githubToken.catch(() => undefined); // reported by the auth step
        sent = Promise.race([wire, githubToken.then(() => undefined, () => undefined)]);
    }
    await sent;
    // Authentication (google-auth-library) loads and starts first. The rest of the pipeline
    // (@actions/core, the report) loads once the STS exchange is on the wire, and while it is in
    // flight: loading blocks the event loop that would otherwise still have to send it.
    const onTheWire = nextRequestSent();
    // gaxios builds a Headers for every request; Node loads its fetch internals on their first
    // use (~15 ms). Load them now, while the GitHub token is in flight, not after it arrives.
    new Headers();
    const credentials = Promise.all(/* import() */[__nccwpck_require__.e(492), __nccwpck_require__.e(168)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8168)).then(({ authenticate }) => authenticate(config.auth, githubToken, env, config.projectId));
    credentials.catch(() => undefined); // reported by the auth step
    await Promise.race([onTheWire, credentials.then(noop, noop)]);
    const pipeline = Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(492), __nccwpck_require__.e(507), __nccwpck_require__.e(983)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9983));
    config.warnings = guardRailWarnings(config);
    const { runPipeline } = await pipeline;
    await runPipeline(config, credentials, env, DEPLOY_DEADLINE_MS);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
