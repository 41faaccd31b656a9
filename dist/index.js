import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1139:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _g: () => (/* binding */ githubAudience),
/* harmony export */   eH: () => (/* binding */ requestGithubToken),
/* harmony export */   tB: () => (/* binding */ GithubTokenError)
/* harmony export */ });
/* harmony import */ var _google_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8673);
/* harmony import */ var _google_trace_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5126);
/* harmony import */ var _report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6514);
// The GitHub OIDC token: the first round trip of every run. This module is on the start-up
// path, before the Google libraries load, so it needs Node's own http(s)
// client only (the one of the URL's scheme), and it retries passing errors by itself.



/** The audience of the GitHub OIDC token: the input, or what the provider accepts by default. */
function githubAudience(auth) {
    return auth.audience ?? `https://iam.googleapis.com/${auth.workloadIdentityProvider ?? ''}`;
}
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
    const started = performance.now();
    const trace = (status, body) => (0,_google_trace_js__WEBPACK_IMPORTED_MODULE_1__/* .traceExchange */ .ve)({ method: 'GET', url: url.href, status, ms: performance.now() - started, response: body });
    return new Promise((resolve, reject) => {
        const req = request(url, {
            method: 'GET',
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'User-Agent': 'actions/oidc-client' },
            timeout: REQUEST_TIMEOUT_MS,
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
                trace(answer.status, answer.body);
                resolve(answer);
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('the request timed out'), { code: 'ETIMEDOUT' })));
        req.on('error', (err) => {
            trace(`failed (${err.message})`);
            reject(err);
        });
        req.on('finish', () => onSent?.());
        req.end();
    });
}
const retryable = (status) => status === 429 || status === 408 || (status >= 500 && status <= 504);
/**
 * Starts fetching the GitHub OIDC token at once (what @actions/core's getIDToken does, without
 * its HTTP client): GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=... -> {value}. The token is masked.
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
        (0,_report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__.setSecret)(value);
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

/***/ 5947:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Oz: () => (/* binding */ nextRuns),
  jy: () => (/* binding */ shortestIntervalSeconds),
  JJ: () => (/* binding */ validateCron)
});

;// CONCATENATED MODULE: ./node_modules/croner/dist/croner.js
function g(s,e,t,n=0,r=0,a=0,i=0){let o=s>=0&&s<100,u=Date.UTC(o?s+400:s,e,t,n,r,a,i);return o?u-126227808e5:u}function D(s){return g(s.y,s.m-1,s.d,s.h,s.i,s.s)}function w(s,e){return s.y===e.y&&s.m===e.m&&s.d===e.d&&s.h===e.h&&s.i===e.i&&s.s===e.s}function O(s){let e=s.substring(9);return e.includes("Z")||e.includes("+")||e.includes("-")}function Z(s,e){let t=new Date(Date.parse(s));if(isNaN(t))throw new Error("Invalid ISO8601 passed to timezone parser.");return O(s)?{tp:T(t.getUTCFullYear(),t.getUTCMonth()+1,t.getUTCDate(),t.getUTCHours(),t.getUTCMinutes(),t.getUTCSeconds(),"Etc/UTC"),ms:t.getUTCMilliseconds()}:{tp:T(t.getFullYear(),t.getMonth()+1,t.getDate(),t.getHours(),t.getMinutes(),t.getSeconds(),e),ms:t.getMilliseconds()}}function v(s,e,t){let{tp:n,ms:r}=Z(s,e);return new Date(N(n,t).getTime()+r)}function N(s,e){let t=_(s);if(t.kind==="single")return t.date;if(t.kind==="ambiguous")return t.earlier;if(e)throw new Error("Invalid date passed to fromTZ()");return t.after}function _(s){let e=D(s),t=i=>R(new Date(i),s.tz),n=e-t(e),r=y(new Date(n),s.tz);if(w(r,s)){let i=D(r)-n,o=n-(t(n-E)-i);if(o<n&&w(y(new Date(o),s.tz),s))return{kind:"ambiguous",earlier:new Date(o),later:new Date(n)};let u=n+(i-t(n+E));return u>n&&w(y(new Date(u),s.tz),s)?{kind:"ambiguous",earlier:new Date(n),later:new Date(u)}:{kind:"single",date:new Date(n)}}let a=e-(D(r)-n);return w(y(new Date(a),s.tz),s)?{kind:"single",date:new Date(a)}:{kind:"gap",before:new Date(Math.min(n,a)),after:new Date(Math.max(n,a))}}var E=(/* unused pure expression or super */ null && (3*36e5));function R(s,e){return D(y(s,e))-(s.getTime()-s.getUTCMilliseconds())}function k(s,e,t){let n=R(new Date(s),t);for(;e-s>1e3;){let r=s+Math.floor((e-s)/2e3)*1e3;R(new Date(r),t)===n?s=r:e=r}return e}function U(s,e){let t=_(y(new Date(s),e));if(t.kind==="ambiguous")return s<t.later.getTime()?"earlier":"later"}var H=g(1,0,1),S=864e5,W=new Map;function y(s,e){if(e===void 0)return T(s.getFullYear(),s.getMonth()+1,s.getDate(),s.getHours(),s.getMinutes(),s.getSeconds());let t=W.get(e),n;try{t||(t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric",hour12:!1}),W.set(e,t)),n=t.formatToParts(s)}catch(i){let o=i instanceof Error?i.message:String(i);throw new RangeError(`toTZ: Invalid timezone '${e}' or date. Please provide a valid IANA timezone (e.g., 'America/New_York', 'Europe/Stockholm'). Original error: ${o}`)}let r={year:0,month:0,day:0,hour:0,minute:0,second:0};for(let i of n)(i.type==="year"||i.type==="month"||i.type==="day"||i.type==="hour"||i.type==="minute"||i.type==="second")&&(r[i.type]=parseInt(i.value,10));if(isNaN(r.year)||isNaN(r.month)||isNaN(r.day)||isNaN(r.hour)||isNaN(r.minute)||isNaN(r.second))throw new Error(`toTZ: Failed to parse all date components from timezone '${e}'. This may indicate an invalid date or timezone configuration. Parsed components: ${JSON.stringify(r)}`);let a=s.getTime()-H;return(a<-S||a<S&&r.month===12)&&(r.year=1-r.year),r.hour===24&&(r.hour=0),{y:r.year,m:r.month,d:r.day,h:r.hour,i:r.minute,s:r.second,tz:e}}function T(s,e,t,n,r,a,i){return{y:s,m:e,d:t,h:n,i:r,s:a,tz:i}}var x=[1,2,4,8,16],C=class s{pattern;timezone;mode;alternativeWeekdays;sloppyRanges;fixedTimeRule;second;minute;hour;day;month;dayOfWeek;year;lastDayOfMonth;lastWeekday;nearestWeekdays;starDOM;starDOW;starYear;useAndLogic;isFixedTime;constructor(e,t,n){this.pattern=e,this.timezone=t,this.mode=n?.mode??"auto",this.alternativeWeekdays=n?.alternativeWeekdays??!1,this.sloppyRanges=n?.sloppyRanges??!1,this.fixedTimeRule=n?.fixedTimeRule??"single-value",this.second=Array(60).fill(0),this.minute=Array(60).fill(0),this.hour=Array(24).fill(0),this.day=Array(31).fill(0),this.month=Array(12).fill(0),this.dayOfWeek=Array(7).fill(0),this.year=[],this.lastDayOfMonth=!1,this.lastWeekday=!1,this.nearestWeekdays=Array(31).fill(0),this.starDOM=!1,this.starDOW=!1,this.starYear=!1,this.useAndLogic=!1,this.isFixedTime=!1,this.parse()}parse(){if(!(typeof this.pattern=="string"||this.pattern instanceof String))throw new TypeError("CronPattern: Pattern has to be of type string.");this.pattern.indexOf("@")>=0&&(this.pattern=this.handleNicknames(this.pattern).trim());let e=this.pattern.match(/\S+/g)||[""],t=e.length;if(e.length<5||e.length>7)throw new TypeError("CronPattern: invalid configuration format ('"+this.pattern+"'), exactly five, six, or seven space separated parts are required.");if(this.mode!=="auto"){let i;switch(this.mode){case"5-part":i=5;break;case"6-part":i=6;break;case"7-part":i=7;break;case"5-or-6-parts":i=[5,6];break;case"6-or-7-parts":i=[6,7];break;default:i=0}if(!(Array.isArray(i)?i.includes(t):t===i)){let u=Array.isArray(i)?i.join(" or "):i.toString();throw new TypeError(`CronPattern: mode '${this.mode}' requires exactly ${u} parts, but pattern '${this.pattern}' has ${t} parts.`)}}if(e.length===5&&e.unshift("0"),e.length===6&&e.push("*"),this.pattern.indexOf("?")>=0)for(let i=0;i<e.length;i++)e[i]=e[i].replace(/\?/g,"*");if(e[3].toUpperCase()==="LW")this.lastWeekday=!0,e[3]="";else if(e[3].toUpperCase().indexOf("L")>=0){let i=e[3].split(",");if(i.length>1&&i.some(o=>o.toUpperCase()==="LW"))throw new TypeError(`CronPattern: Syntax error, LW can not be in a list in day-of-month ('${e[3]}').`);if(i.some(o=>o===""||o.toUpperCase()!=="L"&&/l/i.test(o)))throw new TypeError("CronPattern: Syntax error, L has to be a value of its own in day-of-month ('"+e[3]+"').");e[3]=i.filter(o=>o.toUpperCase()!=="L").join(","),this.lastDayOfMonth=!0}if(e[3]=="*"&&(this.starDOM=!0),e[6]=="*"&&(this.starYear=!0),e[4].length>=3&&(e[4]=this.replaceAlpha(e[4],s.MONTH_NAMES)),e[5].length>=3&&(e[5]=this.alternativeWeekdays?this.replaceAlpha(e[5],s.DAY_NAMES_QUARTZ):this.replaceAlpha(e[5],s.DAY_NAMES)),e[5].startsWith("+")&&(this.useAndLogic=!0,e[5]=e[5].substring(1),e[5]===""))throw new TypeError("CronPattern: Day-of-week field cannot be empty after '+' modifier.");switch(e[5]=="*"&&(this.starDOW=!0),this.mode){case"5-part":e[0]="0",e[6]="*";break;case"6-part":e[6]="*";break;case"5-or-6-parts":e[6]="*";break;case"6-or-7-parts":break;case"7-part":case"auto":break}this.throwAtIllegalCharacters(e),this.partToArray("second",e[0],0,1),this.partToArray("minute",e[1],0,1),this.partToArray("hour",e[2],0,1),this.partToArray("day",e[3],-1,1),this.partToArray("month",e[4],-1,1);let n=this.alternativeWeekdays?-1:0;this.partToArray("dayOfWeek",e[5],n,63),e[6]==="*"?this.year=Array(1e4).fill(1):(this.year=Array(1e4).fill(0),this.partToArray("year",e[6],0,1)),!this.alternativeWeekdays&&this.dayOfWeek[7]&&(this.dayOfWeek[0]=this.dayOfWeek[7]);let r=this.fixedTimeRule==="single-value",a=(i,o)=>!i.includes("*")&&!i.includes("/")&&(!r||o.filter(u=>u).length===1);this.isFixedTime=a(e[0],this.second)&&a(e[1],this.minute)&&a(e[2],this.hour)}partToArray(e,t,n,r){let a=this[e];if(t===""&&!(e==="day"&&(this.lastDayOfMonth||this.lastWeekday)))throw new TypeError("CronPattern: configuration entry "+e+" ("+t+") is empty, check for trailing spaces.");if(t==="*")return a.fill(r);let i=t.split(",");if(i.length>1)for(let o of i)this.partToArray(e,o,n,r);else t.includes("-")&&t.includes("/")?this.handleRangeWithStepping(t,e,n,r):t.includes("-")?this.handleRange(t,e,n,r):t.includes("/")?this.handleStepping(t,e,n,r):t!==""&&this.handleNumber(t,e,n,r)}throwAtIllegalCharacters(e){for(let t=0;t<e.length;t++)if((t===3?/[^/*0-9,\-WwLl]+/:t===5?/[^/*0-9,\-#Ll]+/:/[^/*0-9,\-]+/).test(e[t]))throw new TypeError("CronPattern: configuration entry "+t+" ("+e[t]+") contains illegal characters.")}handleNumber(e,t,n,r){let a=this.extractNth(e,t),i=e.toUpperCase().includes("W");if(t!=="day"&&i)throw new TypeError("CronPattern: Nearest weekday modifier (W) only allowed in day-of-month.");i&&(t="nearestWeekdays");let o=i?a[0].replace(/W$/i,""):a[0],u=s.toNumber(o)+n;if(isNaN(u))throw new TypeError("CronPattern: "+t+" is not a number: '"+e+"'");this.setPart(t,u,a[1]||r)}setPart(e,t,n){if(!Object.prototype.hasOwnProperty.call(this,e))throw new TypeError("CronPattern: Invalid part specified: "+e);if(e==="dayOfWeek"){if(t===7&&(t=0),t<0||t>6)throw new RangeError("CronPattern: Invalid value for dayOfWeek: "+t);this.setNthWeekdayOfMonth(t,n);return}if(e==="second"||e==="minute"){if(t<0||t>=60)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="hour"){if(t<0||t>=24)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="day"||e==="nearestWeekdays"){if(t<0||t>=31)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="month"){if(t<0||t>=12)throw new RangeError("CronPattern: Invalid value for "+e+": "+t)}else if(e==="year"&&(t<1||t>=1e4))throw new RangeError("CronPattern: Invalid value for "+e+": "+t+" (supported range: 1-9999)");this[e][t]=n}static toNumber(e){return/^\d+$/.test(e)?parseInt(e,10):NaN}validateNotNaN(e,t){if(isNaN(e))throw new TypeError(t)}validateRange(e,t,n,r,a){if(e>t)throw new TypeError("CronPattern: From value is larger than to value: '"+a+"'");if(n!==void 0){if(n===0)throw new TypeError("CronPattern: Syntax error, illegal stepping: 0");if(n>this[r].length)throw new TypeError("CronPattern: Syntax error, steps cannot be greater than maximum value of part ("+this[r].length+")")}}handleRangeWithStepping(e,t,n,r){if(e.toUpperCase().includes("W"))throw new TypeError("CronPattern: Syntax error, W is not allowed in ranges with stepping.");let a=this.extractNth(e,t),i=a[0].match(/^(\d+)-(\d+)\/(\d+)$/);if(i===null)throw new TypeError("CronPattern: Syntax error, illegal range with stepping: '"+e+"'");let[,o,u,l]=i,h=parseInt(o,10)+n,m=parseInt(u,10)+n,d=parseInt(l,10);this.validateNotNaN(h,"CronPattern: Syntax error, illegal lower range (NaN)"),this.validateNotNaN(m,"CronPattern: Syntax error, illegal upper range (NaN)"),this.validateNotNaN(d,"CronPattern: Syntax error, illegal stepping: (NaN)"),this.validateRange(h,m,d,t,e);for(let p=h;p<=m;p+=d)this.setPart(t,p,a[1]||r)}extractNth(e,t){let n=e,r;if(n.includes("#")){if(t!=="dayOfWeek")throw new Error("CronPattern: nth (#) only allowed in day-of-week field");let a=n.split("#");if(a.length!==2||a[1]==="")throw new TypeError("CronPattern: Syntax error, illegal nth weekday: '"+e+"'");n=a[0],r=a[1]}else if(n.toUpperCase().endsWith("L")){if(t!=="dayOfWeek")throw new Error("CronPattern: L modifier only allowed in day-of-week field (use L alone for day-of-month)");r="L",n=n.slice(0,-1)}return[n,r]}handleRange(e,t,n,r){if(e.toUpperCase().includes("W"))throw new TypeError("CronPattern: Syntax error, W is not allowed in a range.");let a=this.extractNth(e,t),i=a[0].split("-");if(i.length!==2)throw new TypeError("CronPattern: Syntax error, illegal range: '"+e+"'");let o=s.toNumber(i[0])+n,u=s.toNumber(i[1])+n;this.validateNotNaN(o,"CronPattern: Syntax error, illegal lower range (NaN)"),this.validateNotNaN(u,"CronPattern: Syntax error, illegal upper range (NaN)"),this.validateRange(o,u,void 0,t,e);for(let l=o;l<=u;l++)this.setPart(t,l,a[1]||r)}handleStepping(e,t,n,r){if(e.toUpperCase().includes("W"))throw new TypeError("CronPattern: Syntax error, W is not allowed in parts with stepping.");let a=this.extractNth(e,t),i=a[0].split("/");if(i.length!==2)throw new TypeError("CronPattern: Syntax error, illegal stepping: '"+e+"'");if(this.sloppyRanges)i[0]===""&&(i[0]="*");else{if(i[0]==="")throw new TypeError("CronPattern: Syntax error, stepping with missing prefix ('"+e+"') is not allowed. Use wildcard (*/step) or range (min-max/step) instead.");if(i[0]!=="*")throw new TypeError("CronPattern: Syntax error, stepping with numeric prefix ('"+e+"') is not allowed. Use wildcard (*/step) or range (min-max/step) instead.")}let o=0;i[0]!=="*"&&(o=s.toNumber(i[0])+n,this.validateNotNaN(o,"CronPattern: Syntax error, illegal stepping start (NaN)"));let u=s.toNumber(i[1]);this.validateNotNaN(u,"CronPattern: Syntax error, illegal stepping: (NaN)"),this.validateRange(0,this[t].length-1,u,t,e);for(let l=o;l<this[t].length;l+=u)t==="year"&&l===0||this.setPart(t,l,a[1]||r)}replaceAlpha(e,t){let n=e;for(let[r,a]of Object.entries(t))n=n.replace(new RegExp(r,"gi"),(i,o,u)=>{let l=o+i.length-3,h=u.charAt(l-1),m=u.charAt(l+3);if(/[a-z\d/#]/i.test(h)||/[a-km-z\d]/i.test(m))throw new TypeError(`CronPattern: Syntax error, a month or day name has to stand alone ('${e}').`);return a});return n}static DAY_NAMES={"-sun":"-7",sun:"0",mon:"1",tue:"2",wed:"3",thu:"4",fri:"5",sat:"6"};static DAY_NAMES_QUARTZ={sun:"1",mon:"2",tue:"3",wed:"4",thu:"5",fri:"6",sat:"7"};static MONTH_NAMES={jan:"1",feb:"2",mar:"3",apr:"4",may:"5",jun:"6",jul:"7",aug:"8",sep:"9",oct:"10",nov:"11",dec:"12"};static NICKNAME_MAP={"@yearly":"0 0 1 1 *","@annually":"0 0 1 1 *","@monthly":"0 0 1 * *","@weekly":"0 0 * * SUN","@daily":"0 0 * * *","@midnight":"0 0 * * *","@hourly":"0 * * * *"};handleNicknames(e){let t=e.trim().toLowerCase();if(t==="@reboot")throw new TypeError("CronPattern: @reboot is not supported in this environment. This is an event-based trigger that requires system startup detection.");return s.NICKNAME_MAP[t]||e}setNthWeekdayOfMonth(e,t){if(typeof t!="number"&&t.toUpperCase()==="L")this.dayOfWeek[e]=this.dayOfWeek[e]|32;else if(t===63)this.dayOfWeek[e]=63;else if(t<6&&t>0)this.dayOfWeek[e]=this.dayOfWeek[e]|x[t-1];else throw new TypeError(`CronPattern: nth weekday out of range, should be 1-5 or L. Value: ${t}, Type: ${typeof t}`)}};var B=(/* unused pure expression or super */ null && ([31,28,31,30,31,30,31,31,30,31,30,31])),f=(/* unused pure expression or super */ null && ([["month","year",0],["day","month",-1],["hour","day",0],["minute","hour",0],["second","minute",0]])),c=class s{tz;instantMs;instantFields;ms;second;minute;hour;day;month;year;constructor(e,t){if(this.tz=t,e&&e instanceof Date)if(!isNaN(e))this.fromDate(e);else throw new TypeError("CronDate: Invalid date passed to CronDate constructor");else if(e==null)this.fromDate(new Date);else if(e&&typeof e=="string")this.fromString(e);else if(e instanceof s)this.fromCronDate(e);else throw new TypeError("CronDate: Invalid type ("+typeof e+") passed to CronDate constructor")}getLastDayOfMonth(e,t){return t!==1?B[t]:new Date(g(e,t+1,0)).getUTCDate()}getLastWeekday(e,t){let n=this.getLastDayOfMonth(e,t),a=new Date(g(e,t,n)).getUTCDay();return a===0?n-2:a===6?n-1:n}getNearestWeekday(e,t,n){let r=this.getLastDayOfMonth(e,t);if(n>r)return-1;let i=new Date(g(e,t,n)).getUTCDay();return i===0?n===r?n-2:n+1:i===6?n===1?n+2:n-1:n}isNthWeekdayOfMonth(e,t,n,r){let i=new Date(g(e,t,n)).getUTCDay(),o=0;for(let u=1;u<=n;u++)new Date(g(e,t,u)).getUTCDay()===i&&o++;if(r&63&&x[o-1]&r)return!0;if(r&32){let u=this.getLastDayOfMonth(e,t);for(let l=n+1;l<=u;l++)if(new Date(g(e,t,l)).getUTCDay()===i)return!1;return!0}return!1}fromDate(e){if(this.tz!==void 0)if(typeof this.tz=="number")this.ms=e.getUTCMilliseconds(),this.second=e.getUTCSeconds(),this.minute=e.getUTCMinutes()+this.tz,this.hour=e.getUTCHours(),this.day=e.getUTCDate(),this.month=e.getUTCMonth(),this.year=e.getUTCFullYear(),this.apply();else try{let t=y(e,this.tz);this.ms=e.getMilliseconds(),this.second=t.s,this.minute=t.i,this.hour=t.h,this.day=t.d,this.month=t.m-1,this.year=t.y,this.cacheInstant(e.getTime()-this.ms)}catch(t){let n=t instanceof Error?t.message:String(t);throw new TypeError(`CronDate: Failed to convert date to timezone '${this.tz}'. This may happen with invalid timezone names or dates. Original error: ${n}`)}else this.ms=e.getMilliseconds(),this.second=e.getSeconds(),this.minute=e.getMinutes(),this.hour=e.getHours(),this.day=e.getDate(),this.month=e.getMonth(),this.year=e.getFullYear(),this.cacheInstant(e.getTime()-this.ms)}cacheInstant(e){this.instantMs=e;let{year:t,month:n,day:r,hour:a,minute:i,second:o}=this;this.instantFields=[t,n,r,a,i,o,this.tz]}cachedInstant(){let e=this.instantFields;if(!(e===void 0||e[6]!==this.tz)&&!(e[5]!==this.second||e[4]!==this.minute||e[3]!==this.hour)&&!(e[2]!==this.day||e[1]!==this.month||e[0]!==this.year))return this.instantMs}fromCronDate(e){this.tz=e.tz,this.year=e.year,this.month=e.month,this.day=e.day,this.hour=e.hour,this.minute=e.minute,this.second=e.second,this.ms=e.ms,this.instantMs=e.instantMs,this.instantFields=e.instantFields}apply(){if(this.month>11||this.month<0||this.day>this.getLastDayOfMonth(this.year,this.month)||this.day<1||this.hour>23||this.minute>59||this.second>59||this.hour<0||this.minute<0||this.second<0){let e=new Date(0);return e.setUTCFullYear(this.year,this.month,this.day),e.setUTCHours(this.hour,this.minute,this.second,this.ms),this.ms=e.getUTCMilliseconds(),this.second=e.getUTCSeconds(),this.minute=e.getUTCMinutes(),this.hour=e.getUTCHours(),this.day=e.getUTCDate(),this.month=e.getUTCMonth(),this.year=e.getUTCFullYear(),!0}else return!1}fromString(e){if(typeof this.tz=="number"){if(O(e))return this.fromDate(v(e));let t=v(e,"Etc/UTC");this.ms=t.getUTCMilliseconds(),this.second=t.getUTCSeconds(),this.minute=t.getUTCMinutes(),this.hour=t.getUTCHours(),this.day=t.getUTCDate(),this.month=t.getUTCMonth(),this.year=t.getUTCFullYear(),this.apply()}else return this.fromDate(v(e,this.tz))}findNext(e,t,n,r){return this._findMatch(e,t,n,r,1)}_matchDayValue(e,t,n,r){let a=e;if(!a){for(let i=0;i<n.nearestWeekdays.length;i++)if(n.nearestWeekdays[i]){let o=this.getNearestWeekday(this.year,this.month,i+1);if(o!==-1&&o===t){a=1;break}}}if(n.lastWeekday){let i=this.getLastWeekday(this.year,this.month);t===i&&(a=1)}if(n.lastDayOfMonth){let i=this.getLastDayOfMonth(this.year,this.month);t===i&&(a=1)}if(!n.starDOW){let i=new Date(g(this.year,this.month,1,0,0,0,0)).getUTCDay(),o=n.dayOfWeek[(i+(t-1))%7];o&&o&63&&(o=this.isNthWeekdayOfMonth(this.year,this.month,t,o)?1:0),n.useAndLogic?a=a&&o:!r.domAndDow&&!n.starDOM?a=a||o:a=a&&o}return a}_findMatch(e,t,n,r,a){let i=this[t],o=t==="day"?this.getLastDayOfMonth(this.year,this.month):0,u=this[t]+r,l=a===1?h=>h<n[t].length:h=>h>=0;for(let h=u;l(h);h+=a){let m=n[t][h];if(t==="day"){if(h-r>o)continue;m=this._matchDayValue(m,h-r,n,e)}if(m)return this[t]=h-r,i!==this[t]?2:1}return 3}recurse(e,t,n){let r=this.year,a=n;for(;typeof a=="number";){if(e.starYear&&Math.abs(this.year-r)>400)return null;a=this.recurseStep(e,t,a)}return a}recurseStep(e,t,n){if(n===0&&!e.starYear){if(this.year>=0&&this.year<e.year.length&&e.year[this.year]===0){let a=-1;for(let i=this.year+1;i<e.year.length&&i<1e4;i++)if(e.year[i]===1){a=i;break}if(a===-1)return null;this.year=a,this.month=0,this.day=1,this.hour=0,this.minute=0,this.second=0,this.ms=0}if(this.year>=1e4)return null}let r=this.findNext(t,f[n][0],e,f[n][2]);if(r>1){let a=n+1;for(;a<f.length;)this[f[a][0]]=-f[a][2],a++;if(r===3){if(this[f[n][1]]++,this[f[n][0]]=-f[n][2],this.apply(),n===0&&!e.starYear){for(;this.year>=0&&this.year<e.year.length&&e.year[this.year]===0&&this.year<1e4;)this.year++;if(this.year>=1e4||this.year>=e.year.length)return null}return 0}else if(this.apply())return n-1}return n+=1,n>=f.length?this:(e.starYear?this.year>=3e3:this.year>=1e4)?null:n}increment(e,t,n){return this.instantMs=void 0,this.instantFields=void 0,this.second+=t.interval!==void 0&&t.interval>1&&n?t.interval:1,this.ms=0,this.apply(),this.recurse(e,t,0)}decrement(e,t,n=!0){this.instantMs=void 0,this.instantFields=void 0;let r=t.interval!==void 0&&t.interval>=1;return(this.ms===0||r)&&(this.second-=r&&n?t.interval:1),this.ms=0,this.apply(),this.year<1?null:this.recurseBackward(e,t,0)}recurseBackward(e,t,n){let r=this.year,a=n;for(;typeof a=="number";){if(e.starYear&&Math.abs(this.year-r)>400)return null;a=this.recurseBackwardStep(e,t,a)}return a}recurseBackwardStep(e,t,n){if(n===0&&!e.starYear){if(this.year>=0&&this.year<e.year.length&&e.year[this.year]===0){let a=-1;for(let i=this.year-1;i>=0;i--)if(e.year[i]===1){a=i;break}if(a===-1)return null;this.year=a,this.month=11,this.day=31,this.hour=23,this.minute=59,this.second=59,this.ms=0}if(this.year<1)return null}let r=this.findPrevious(t,f[n][0],e,f[n][2]);if(r>1){let a=n+1;for(;a<f.length;){let i=f[a][0],o=f[a][2],u=this.getMaxPatternValue(i,e,o);this[i]=u,a++}if(r===3){if(this[f[n][1]]--,n===0){let u=this.getLastDayOfMonth(this.year,this.month);this.day>u&&(this.day=u)}if(n===1)if(this.day<=0)this.day=1;else{let u=this.year,l=this.month;for(;l<0;)l+=12,u--;for(;l>11;)l-=12,u++;let h=this.getLastDayOfMonth(u,l);this.day>h&&(this.day=h)}this.apply();let i=f[n][0],o=f[n][2];if(this[i]=this.getMaxPatternValue(i,e,o),this.apply(),n===0){let u=f[1][2],l=this.getMaxPatternValue("day",e,u);l!==this.day&&(this.day=l,this.hour=this.getMaxPatternValue("hour",e,f[2][2]),this.minute=this.getMaxPatternValue("minute",e,f[3][2]),this.second=this.getMaxPatternValue("second",e,f[4][2]))}if(n===0&&!e.starYear){for(;this.year>=0&&this.year<e.year.length&&e.year[this.year]===0;)this.year--;if(this.year<1)return null}return 0}else if(this.apply())return n-1}return n+=1,n>=f.length?this:this.year<1?null:n}getMaxPatternValue(e,t,n){let r=t[e].length-1-n;for(let a=t[e].length-1;a>=0;a--)if(t[e][a]){r=a-n;break}if(e==="day"){let a=this.getLastDayOfMonth(this.year,this.month);return t.lastWeekday||t.nearestWeekdays.some(i=>i)||t.lastDayOfMonth||!t.starDOW?a:Math.min(r,a)}return r}findPrevious(e,t,n,r){return this._findMatch(e,t,n,r,-1)}getDate(e){if(!e&&typeof this.tz!="number"){let t=this.cachedInstant();if(t!==void 0)return new Date(t+(this.tz===void 0?this.ms:0))}if(e||this.tz===void 0){if(this.year>=0&&this.year<100){let t=new Date(0);return t.setFullYear(this.year,this.month,this.day),t.setHours(this.hour,this.minute,this.second,this.ms),t}return new Date(this.year,this.month,this.day,this.hour,this.minute,this.second,this.ms)}else return typeof this.tz=="number"?new Date(g(this.year,this.month,this.day,this.hour,this.minute-this.tz,this.second,this.ms)):N(T(this.year,this.month+1,this.day,this.hour,this.minute,this.second,this.tz),!1)}getTime(){return this.getDate(!1).getTime()}match(e,t){if(!e.starYear&&(this.year<0||this.year>=e.year.length||e.year[this.year]===0))return!1;for(let n=0;n<f.length;n++){let r=f[n][0],a=f[n][2],i=this[r];if(i+a<0||i+a>=e[r].length)return!1;let o=e[r][i+a];if(r==="day"&&(o=this._matchDayValue(o,i,e,t)),!o)return!1}return!0}};function F(s){s===void 0&&(s={}),delete s.name,s.legacyMode!==void 0&&s.domAndDow===void 0?s.domAndDow=!s.legacyMode:s.domAndDow===void 0&&(s.domAndDow=!1),s.legacyMode=!s.domAndDow;let e=(n,r)=>n===void 0?r:n;if(s.paused=e(s.paused,!1),s.maxRuns=e(s.maxRuns,1/0),s.catch=e(s.catch,!1),s.unref=e(s.unref,!1),s.mode=e(s.mode,"auto"),s.alternativeWeekdays=e(s.alternativeWeekdays,!1),s.sloppyRanges=e(s.sloppyRanges,!1),s.fixedTimeRule=e(s.fixedTimeRule,"single-value"),s.allowPast=e(s.allowPast,!1),s.interval=s.interval===void 0?0:parseInt(s.interval.toString(),10),s.utcOffset=s.utcOffset===void 0?void 0:parseInt(s.utcOffset.toString(),10),s.dayOffset=s.dayOffset===void 0?0:parseInt(s.dayOffset.toString(),10),!["auto","5-part","6-part","7-part","5-or-6-parts","6-or-7-parts"].includes(s.mode))throw new Error("CronOptions: mode must be one of 'auto', '5-part', '6-part', '7-part', '5-or-6-parts', or '6-or-7-parts'.");if(!["single-value","no-wildcard"].includes(s.fixedTimeRule))throw new Error("CronOptions: fixedTimeRule must be one of 'single-value' or 'no-wildcard'.");s.timezone===""&&(s.timezone=void 0);let t=s.timezone??s.utcOffset;if(s.startAt&&(s.startAt=I(new c(s.startAt,t))),s.stopAt&&(s.stopAt=I(new c(s.stopAt,t))),s.interval!==null){if(isNaN(s.interval))throw new Error("CronOptions: Supplied value for interval is not a number");if(s.interval<0)throw new Error("CronOptions: Supplied value for interval can not be negative")}if(s.utcOffset!==void 0){if(isNaN(s.utcOffset))throw new Error("CronOptions: Invalid value passed for utcOffset, should be number representing minutes offset from UTC.");if(s.utcOffset<-870||s.utcOffset>870)throw new Error("CronOptions: utcOffset out of bounds.");if(s.utcOffset!==void 0&&s.timezone)throw new Error("CronOptions: Combining 'utcOffset' with 'timezone' is not allowed.")}if(s.unref!==!0&&s.unref!==!1)throw new Error("CronOptions: Unref should be either true, false or undefined(false).");if(s.dayOffset!==void 0&&s.dayOffset!==0&&isNaN(s.dayOffset))throw new Error("CronOptions: Invalid value passed for dayOffset, should be a number representing days to offset.");return s}function I(s){return s.ms?(s.ms=0,new c(new Date(s.getTime()+1e3),s.tz)):s}function b(s){return typeof s=="function"}function L(s){return b(s)}function Y(s){typeof Deno<"u"&&typeof Deno.unrefTimer<"u"?Deno.unrefTimer(s):s&&typeof s.unref<"u"&&s.unref()}var P=(/* unused pure expression or super */ null && (1440*60*1e3)),$=(/* unused pure expression or super */ null && (30*1e3)),M=(/* unused pure expression or super */ null && ([])),j=class{name;options;_states;fn;_startAtRoundingMs=0;getTz(){return this.options.timezone??this.options.utcOffset}applyDayOffset(e){let t=this._offsetMs();return t?new Date(e.getTime()+t):e}_offsetMs(){return(this.options.dayOffset??0)*P}get _startAt(){return this.options.startAt}get _stopAt(){return this.options.stopAt}_nextTarget(e,t){let n=this._offsetMs(),r=this._next(this._shift(e),new Date(t.getTime()-n),{startAt:this._shift(this._startAt),stopAt:this._shift(this._stopAt)});return r?this.applyDayOffset(r.getDate(!1)):null}_previousTarget(e,t){let n=this._toMs(e??t)-this._offsetMs(),r=this._previous(new Date(n),{startAt:this._shift(this._startAt),stopAt:this._shift(this._stopAt)});return r?this.applyDayOffset(r.getDate(!1)):null}_shift(e){if(e!=null)return new c(new Date(this._toMs(e)-this._offsetMs()),this.getTz())}constructor(e,t,n){let r,a;if(b(t))a=t;else if(typeof t=="object")r=t;else if(t!==void 0)throw new Error("Cron: Invalid argument passed for optionsIn. Should be one of function, or object (options).");if(b(n))a=n;else if(typeof n=="object")r=n;else if(n!==void 0)throw new Error("Cron: Invalid argument passed for funcIn. Should be one of function, or object (options).");this.name=r?.name;let i=r?.startAt;this.options=F(r),i&&this._startAt&&(this._startAtRoundingMs=this._startAt.getTime()-new c(i,this.getTz()).getTime());let o=!!e&&(e instanceof Date||typeof e=="string"&&e.indexOf(":")>0);if(this._states={kill:!1,blocking:!1,previousRun:void 0,currentRun:void 0,once:void 0,currentTimeout:void 0,maxRuns:r?r.maxRuns:void 0,paused:r?r.paused:!1,pattern:o?new C("* * * * *",void 0,{mode:"auto"}):new C(e,this.options.timezone,{mode:this.options.mode,alternativeWeekdays:this.options.alternativeWeekdays,sloppyRanges:this.options.sloppyRanges,fixedTimeRule:this.options.fixedTimeRule})},o&&(this._states.once=new c(e,this.getTz())),this.name){if(M.find(l=>l.name===this.name))throw new Error("Cron: Tried to initialize new named job '"+this.name+"', but name already taken.");M.push(this)}return a!==void 0&&L(a)&&(this.fn=a,this.schedule()),this}nextRun(e){return this._nextTarget(e,new Date)}nextRuns(e,t){this._states.maxRuns!==void 0&&e>this._states.maxRuns&&(e=this._states.maxRuns);let n=t||this._states.currentRun||void 0;return this._enumerateRuns(e,n,"next")}previousRuns(e,t){return this._enumerateRuns(e,t||void 0,"previous")}enumerate(e){return new A(this,e)}_enumerateRuns(e,t,n){let r=[],a=new Date,i=t;for(;e-- >0;){let o=n==="next"?this._nextTarget(i,a):this._previousTarget(i,a);if(!o)break;r.push(o),i=o}return r}match(e){if(this._states.once){let n=new c(e,this.getTz());n.ms=0;let r=new c(this._states.once,this.getTz());return r.ms=0,n.getTime()===r.getTime()}let t=new c(e,this.getTz());return t.ms=0,t.match(this._states.pattern,this.options)}getPattern(){if(!this._states.once)return this._states.pattern?this._states.pattern.pattern:void 0}getOnce(){return this._states.once?this._states.once.getDate():null}isRunning(){return!this._states.paused&&!this._states.kill&&this.fn!==void 0&&this._nextTarget(this._states.currentRun,new Date)!==null}isStopped(){return this._states.kill}isBusy(){return this._states.blocking}currentRun(){return this._states.currentRun?this._states.currentRun.getDate():null}previousRun(){return this._states.previousRun?this._states.previousRun.getDate():null}msToNext(e){let t=new Date,n=this._nextTarget(e,t);return n?n.getTime()-this._toMs(e??t):null}stop(){this._states.kill=!0,this._states.currentTimeout&&clearTimeout(this._states.currentTimeout);let e=M.indexOf(this);e>=0&&M.splice(e,1)}pause(){return this._states.paused=!0,!this._states.kill}resume(){return this._states.paused=!1,!this._states.kill}schedule(e){return this._schedule(e)}_schedule(e,t){if(e&&this.fn)throw new Error("Cron: It is not allowed to schedule two functions using the same Croner instance.");e&&(this.fn=e);let n=t??new Date,r=this._nextTarget(void 0,n),a=r?r.getTime()-n.getTime():null,i=this._states.currentRun;i&&i.getTime()>n.getTime()&&(i=void 0);let o=this._nextTarget(i,n);return a===null||isNaN(a)||o===null?this:(a>$&&(a=$),a<0&&(a=this._states.paused?1e3:0),this._states.currentTimeout=setTimeout(()=>this._checkTrigger(o),a),this._states.currentTimeout&&this.options.unref&&Y(this._states.currentTimeout),this)}async _trigger(e=new Date){this._states.blocking=!0,this._states.currentRun=new c(e,this.getTz());try{if(this.options.catch)try{this.fn!==void 0&&await this.fn(this,this.options.context)}catch(t){if(b(this.options.catch))try{Promise.resolve(this.options.catch(t,this)).catch(()=>{})}catch{}}else this.fn!==void 0&&await this.fn(this,this.options.context)}finally{this._states.previousRun=new c(e,this.getTz()),this._states.blocking=!1}}async trigger(){await this._trigger()}runsLeft(){return this._states.maxRuns}_checkTrigger(e){let t=new Date,n=!this._states.paused&&t.getTime()>=e.getTime(),r=this._states.blocking&&this.options.protect;n&&!r?(this._states.maxRuns!==void 0&&this._states.maxRuns--,this._trigger(t)):n&&r&&b(this.options.protect)&&setTimeout(()=>this.options.protect(this),0),this._schedule(void 0,n?void 0:t)}_next(e,t,n){let r=n?n.startAt:this._startAt,a=n?n.stopAt:this._stopAt,i=!!e,o=!!(e||this._states.currentRun),u=!1;!e&&r&&this.options.interval&&(e=this._calculatePreviousRun(r,t),e&&(o=!0),u=!e);let l=e??t??new Date,h=this._toMs(l);e=new c(l,this.getTz()),r&&h<r.getTime()&&(e=u?r:new c(new Date(r.getTime()-1e3),this.getTz()),h=e.getTime());let m=this._states.once||new c(e,this.getTz());if(!u&&m!==this._states.once&&(m=this._findOccurrence(e,h,1,o)),this._states.once){let d=this._states.once.getTime(),p=h-d;if(r&&d<r.getTime()-this._startAtRoundingMs||this._states.currentRun&&this.applyDayOffset(this._states.once.getDate()).getTime()<=this._states.currentRun.getTime()||(i?p>=0:p>1e3&&!this.options.allowPast))return null}return m===null||this._states.maxRuns!==void 0&&this._states.maxRuns<=0||this._states.kill||a&&m.getTime()>=a.getTime()?null:m}_previous(e,t){let n=this._toMs(e??new Date);if(t.stopAt&&n>t.stopAt.getTime()&&(n=t.stopAt.getTime()),this._states.once)return this._states.once.getTime()<n?this._states.once:null;let r=this._findOccurrence(new c(new Date(n),this.getTz()),n,-1);return r===null||t.startAt&&r.getTime()<t.startAt.getTime()?null:r}_toMs(e){if(e instanceof Date)return e.getTime();let t=new c(e,this.getTz());return t.getTime()+(typeof t.tz=="string"?t.ms:0)}_findOccurrence(e,t,n,r=!1){let a=this.options.interval??0;if(a>1&&(n===-1||r)){t+=(a-1)*1e3*n;let m=new Date(t);if(isNaN(m.getTime())||(e=new c(m,this.getTz()),!(e.year>=1&&e.year<=9999)))return null;r=!1}let i=this._walk(e,t,n,r),o=this.getTz();if(this._states.pattern.isFixedTime&&n===1||typeof o=="number"||U(t,o)!==(n===1?"earlier":"later"))return i;let u=Math.floor(t/1e3)*1e3,l=n===1?k(u,u+P,o):k(u-P,u,o)-1e3;if(i&&(l-i.getTime())*n>0)return i;let h=this._walk(new c(new Date(l),o),l-n,n,!1,!0);return!i||!h?i??h:(i.getTime()-h.getTime())*n>0?h:i}_walk(e,t,n,r,a=!1){let i=this._states.pattern,o=(l,h)=>n===1?l.increment(i,this.options,h):l.decrement(i,this.options,h),u=new c(e,this.getTz());for((!a||!u.match(i,this.options))&&(u=o(u,r));u;){let l=this._runAt(u,t,n);if(l)return new c(l,this.getTz());u=o(u,!1)}return null}_runAt(e,t,n){let r=d=>(d.getTime()-t)*n>0,a=e.tz;if(typeof a=="number"){let d=e.getDate();return r(d)?d:null}let i=T(e.year,e.month+1,e.day,e.hour,e.minute,e.second,a),o=_(i),u=this._states.pattern.isFixedTime;if(o.kind==="single")return r(o.date)?o.date:null;if(o.kind==="ambiguous"){let{earlier:d,later:p}=o;return(u?[d]:n===1?[d,p]:[p,d]).find(r)??null}if(!u)return null;let l=new Date(k(o.before.getTime(),o.after.getTime(),a)),h=y(l,a);return h.y===i.y&&h.m===i.m&&h.d===i.d&&r(l)?l:null}_calculatePreviousRun(e,t){let n=new c(t,this.getTz()).getTime();if(e.getTime()>n)return;let r=this.options.interval*1e3,a=e;for(;a.getTime()+r<=n;){let i=this._findOccurrence(a,a.getTime(),1,!0);if(i===null)break;a=i}return a}},A=class{cron;cursor;now;done;initialMaxRuns;remainingRuns;constructor(e,t){this.cron=e,this.initialMaxRuns=e.runsLeft()??1/0,this.reset(t)}next(){if(this.done||this.remainingRuns<=0)return this.done=!0,{value:void 0,done:!0};let e=this.cron._nextTarget(this.cursor,this.now);return e===null?(this.done=!0,{value:void 0,done:!0}):(this.cursor=e,this.remainingRuns--,{value:e,done:!1})}peek(){return this.done||this.remainingRuns<=0?null:this.cron._nextTarget(this.cursor,this.now)}reset(e){this.cursor=e instanceof Date?new Date(e.getTime()):e??void 0,this.now=new Date,this.done=!1,this.remainingRuns=this.initialMaxRuns}[Symbol.iterator](){return this}};

;// CONCATENATED MODULE: ./src/config/cron-core.ts
// Unix cron as Cloud Scheduler reads it: five fields, evaluated in an IANA time zone.
// Validation (croner's parser) and run times: this is on the start-up path, before the first
// request; the English description (cronstrue) is in cron.ts, loaded later with the report.

/** One list item of a field: `*`, a number or 3-letter name, an optional range end, an optional step. */
const ITEM = /^(\*|\d+|[A-Z]{3})(-(\d+|[A-Z]{3}))?(\/\d+)?$/;
function fields(expr) {
    return expr.trim().split(/\s+/);
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
        // croner's parser says what is wrong with a field; the runs come from runTimes (croner's
        // own nextRun walks minute by minute through Intl: ~20 ms on every start-up).
        if (runTimes(expr, 'Etc/UTC', 1, Date.now()).length === 0)
            return 'it never fires';
    }
    catch (e) {
        return e.message.replace(/^CronPattern: /, '');
    }
    return undefined;
}
/**
 * The next `count` run times after `from` (default now): croner's runs, computed as
 * shortestIntervalSeconds does (croner's own walk reads the zone through Intl for every
 * candidate minute: ~20 ms for the summary's next runs, on every run of the action).
 */
function nextRuns(expr, timeZone, count, from = new Date()) {
    return runTimes(expr, timeZone, count, from.getTime()).map((t) => new Date(t));
}
/**
 * The shortest gap in seconds between consecutive runs over the next `runs` runs; Infinity if it
 * fires at most once. The same runs as croner's nextRuns, without croner's walk: croner reads the
 * time zone through Intl for every candidate time (~0.2 ms a run, ~40 ms for 200), which a fleet
 * pays once per workload. Here the day's wall-clock times come from the parsed fields, matching
 * days from the calendar, and each wall time becomes an instant through the zone's offsets
 * (sampled once a week and cached per zone: no zone changes its offset twice in a week), with
 * croner's rules at a DST change: a fixed-time job (one minute, one hour) in the skipped hour
 * runs when the clocks jump, and once in a repeated hour; any other job skips the skipped hour
 * and runs on both occurrences of a repeated time. test/unit/config-duration-cron.test.ts checks the result against croner's walk.
 */
function shortestIntervalSeconds(expr, timeZone, runs = 200, from = new Date()) {
    const times = runTimes(expr, timeZone, runs, from.getTime());
    let min = Infinity;
    for (let i = 1; i < times.length; i++)
        min = Math.min(min, (times[i] - times[i - 1]) / 1000);
    return min;
}
const MINUTE = 60_000;
const DAY = 86_400_000;
/** croner stops looking for runs in the year 3000 (a wildcard year). */
const LAST_YEAR = 3000;
/** The first `count` run instants (ms) after `after`, in order. */
function runTimes(expr, timeZone, count, after) {
    const pattern = new C(expr.trim(), undefined, { mode: '5-part' });
    // Vixie cron (and Cloud Scheduler) OR day-of-month and day-of-week only when both are
    // restricted; a field starting with '*' (such as */2) counts as unrestricted.
    const [, , dom = '*', , dow = '*'] = fields(expr);
    const and = dom.startsWith('*') || dow.startsWith('*');
    const dayMinutes = [];
    pattern.hour.forEach((h, hour) => pattern.minute.forEach((m, minute) => h && m && dayMinutes.push(hour * 60 + minute)));
    const zone = zoneOffsets(timeZone);
    const out = [];
    // From the local date of `after`: the first day that can hold a later run.
    const start = new Date(after + zone.offsetAt(after) * MINUTE - DAY);
    const earliest = after + (zone.offsetAt(after) - 180) * MINUTE;
    let year = start.getUTCFullYear();
    let month = start.getUTCMonth();
    let day = start.getUTCDate();
    let enough = Infinity; // once `count` runs are found, finish that day and the next (an hour that repeats)
    for (; year < LAST_YEAR && out.length < enough; month === 11 ? ((month = 0), year++) : month++, day = 1) {
        if (!pattern.month[month])
            continue;
        const first = Date.UTC(year, month, 1);
        const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
        const weekday = new Date(first).getUTCDay();
        for (; day <= length && out.length < enough; day++) {
            const d = pattern.day[day - 1] ? 1 : 0;
            const w = pattern.dayOfWeek[(weekday + day - 1) % 7] ? 1 : 0;
            if (!(and ? d && w : d || w))
                continue;
            const midnight = first + (day - 1) * DAY;
            for (const minutes of dayMinutes) {
                const wall = midnight + minutes * MINUTE;
                if (wall < earliest)
                    continue; // hours before `after` (a DST change moves a time by less than 3h)
                for (const t of zone.instants(wall, pattern.isFixedTime))
                    if (t > after)
                        out.push(t);
            }
            if (out.length >= count && enough === Infinity)
                enough = out.length + 1;
        }
    }
    return out.sort((a, b) => a - b).slice(0, count);
}
const WEEK = 7 * DAY;
/** The first second after `lo` (up to `hi`) whose offset differs from that at `lo`, as croner finds it. */
function changeBetween(lo, hi, offset) {
    const at = offset(lo);
    while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offset(mid) === at)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}
const zones = new Map();
/** A time zone's UTC offsets, read through Intl once a week of time and at each change, and cached. */
function zoneOffsets(timeZone) {
    const cached = zones.get(timeZone);
    if (cached)
        return cached;
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    const read = (t) => {
        const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, Number(x.value)]));
        return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000) / MINUTE);
    };
    const weeks = new Map();
    const atWeek = (w) => {
        let o = weeks.get(w);
        if (o === undefined)
            weeks.set(w, (o = read(w * WEEK)));
        return o;
    };
    const changes = new Map(); // week -> first second of the new offset
    const offsetAt = (t) => {
        const w = Math.floor(t / WEEK);
        const [before, next] = [atWeek(w), atWeek(w + 1)];
        if (before === next)
            return before;
        let change = changes.get(w);
        if (change === undefined)
            changes.set(w, (change = changeBetween(w * WEEK, (w + 1) * WEEK, read)));
        return t < change ? before : next;
    };
    const instants = (wall, fixedTime) => {
        const [before, after] = [offsetAt(wall - 2 * DAY), offsetAt(wall + 2 * DAY)];
        if (before === after)
            return [wall - before * MINUTE]; // no change within two days
        const offsets = [before, after];
        const found = offsets.map((o) => wall - o * MINUTE).filter((t) => t + offsetAt(t) * MINUTE === wall).sort((a, b) => a - b);
        if (found.length > 0)
            return fixedTime ? found.slice(0, 1) : found;
        if (!fixedTime)
            return [];
        // In the hour the clocks skip: when they jump, if that is still the same day.
        const jump = Math.max(...offsets.map((o) => wall - o * MINUTE));
        const change = changeBetween(Math.min(...offsets.map((o) => wall - o * MINUTE)), jump, offsetAt);
        return Math.floor((change + offsetAt(change) * MINUTE) / DAY) === Math.floor(wall / DAY) ? [change] : [];
    };
    const zone = { offsetAt, instants };
    zones.set(timeZone, zone);
    return zone;
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

/***/ 1279:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ guardRailWarnings)
/* harmony export */ });
/* unused harmony export DEFAULT_ATTEMPT_DEADLINE_SECONDS */
/* harmony import */ var _cron_core_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5947);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7840);
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
    const problem = `The service's timeout (${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(timeout)}) is longer than the Cloud Scheduler attempt deadline ` +
        `(${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(deadline)}): the Scheduler gives up first and may retry while the first request still runs.`;
    return timeout > MAX_ATTEMPT_DEADLINE_SECONDS
        ? `${problem} No attempt deadline can exceed 30m, so use kind: job, which runs to completion without holding a request open.`
        : `${problem} Set attempt_deadline to at least ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(timeout)}, or use kind: job.`;
};
const runsCanOverlap = ({ kind, job, service }, schedule) => {
    const [work, input] = kind === 'job'
        ? [job.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS, "the job's task_timeout"]
        : [service.timeoutSeconds ?? DEFAULT_SERVICE_TIMEOUT_SECONDS, "the service's timeout"];
    const interval = (0,_cron_core_js__WEBPACK_IMPORTED_MODULE_0__/* .shortestIntervalSeconds */ .jy)(schedule.cron, schedule.timeZone);
    if (interval >= work)
        return undefined;
    return (`The schedule "${schedule.cron}" fires as often as every ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(interval)}, but one run may take up to ` +
        `${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(work)} (${input}): ` +
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


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   WJ: () => (/* binding */ INPUT_DEFAULTS)
/* harmony export */ });
/* unused harmony exports REQUIRED_INPUTS, isExpression */
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
    // Networking, volumes and hardware
    vpc_network: '',
    vpc_subnetwork: '',
    vpc_egress: '',
    vpc_connector: '',
    cloudsql_instances: '',
    execution_environment: '',
    gpu: '',
    gpu_type: '',
    spec: '',
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
    cpu_throttling: '',
    startup_cpu_boost: '',
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
    smoke_test: 'changed',
    smoke_timeout: '10m',
    dry_run: 'false',
    // Review
    state: 'present',
    force: 'false',
    fail_on_drift: 'false',
    comment_on_pr: 'auto',
    github_token: '${{ github.token }}',
    // Fleet mode
    manifest: '',
    prune: 'false',
    max_parallel: '4',
    only: '',
};
/** Inputs action.yml marks required: true. */
const REQUIRED_INPUTS = (/* unused pure expression or super */ null && (['region']));
const INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
/** A default the runner evaluates (`${{ github.token }}`): outside the runner it means empty. */
const isExpression = (value) => value.startsWith('${{');
/** Every input, trimmed, with the action.yml default when absent or empty (an expression default: empty). */
function readInputs(get) {
    const raw = {};
    for (const name of INPUT_NAMES) {
        const value = (get(name) ?? '').trim();
        const fallback = INPUT_DEFAULTS[name];
        raw[name] = value !== '' && !isExpression(value) ? value : isExpression(fallback) ? '' : fallback;
    }
    return raw;
}


/***/ }),

/***/ 5979:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J0: () => (/* binding */ parseEnvVars),
/* harmony export */   Xy: () => (/* binding */ parseLabels),
/* harmony export */   Z4: () => (/* binding */ mountDir),
/* harmony export */   dC: () => (/* binding */ parseSecrets),
/* harmony export */   hD: () => (/* binding */ quote)
/* harmony export */ });
/* unused harmony exports LIST_FORMS, parsePairs */
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5413);
// KEY=VALUE lists (env_vars, secrets, labels) in google-github-actions/deploy-cloudrun's
// forms: one a line or comma-separated; a value may contain '='; a comma in a value is
// written '\,' or the value is quoted ("a,b" or 'a,b', where the quotes are not part of it).

/** What an error about a list entry shows, so the fix is in the message. */
const LIST_FORMS = 'write one KEY=VALUE a line, or KEY=VALUE,KEY2=VALUE2; a value with a comma is quoted (KEY="a,b") or escapes it (KEY=a\\,b)';
const QUOTES = new Set(['"', "'"]);
/**
 * The entries of a list, split on newlines and on commas outside quotes. A value that starts
 * with a quote runs to the matching quote (commas and newlines included); `\,` is a comma and
 * `\"` or `\'` a quote anywhere. `problems` gets an unclosed quote or text after one.
 */
function splitEntries(text, problems) {
    const entries = [];
    let entry = '';
    let open;
    let afterQuote = false;
    let inValue = false;
    const end = () => {
        if (entry.trim() !== '')
            entries.push(entry.trim());
        entry = '';
        inValue = false;
        afterQuote = false;
    };
    for (let i = 0; i < text.length; i++) {
        const ch = text[i] ?? '';
        const next = text[i + 1] ?? '';
        if (ch === '\\' && (next === ',' || QUOTES.has(next))) {
            entry += next;
            i++;
        }
        else if (open !== undefined) {
            if (ch === open) {
                open = undefined;
                afterQuote = true;
            }
            else {
                entry += ch;
            }
        }
        else if (ch === ',' || ch === '\n' || ch === '\r') {
            end();
        }
        else if (afterQuote && ch.trim() !== '') {
            problems.push(`the quoted value of ${quote(entry.slice(0, entry.indexOf('=')).trim())} has text after its closing quote: ${LIST_FORMS}`);
            afterQuote = false;
            entry += ch;
        }
        else if (inValue && QUOTES.has(ch) && entry.slice(entry.indexOf('=') + 1).trim() === '') {
            entry = entry.trimEnd();
            open = ch;
        }
        else {
            if (ch === '=')
                inValue = true;
            entry += ch;
        }
    }
    if (open !== undefined)
        problems.push(`the value of ${quote(entry.slice(0, entry.indexOf('=')).trim())} has no closing ${open}: ${LIST_FORMS}`);
    end();
    return entries;
}
/** `showEntries: false` (env_vars): an entry that is not KEY=VALUE may be (part of) a value, so it is not echoed (issue 11). */
function parsePairs(text, showEntries = true) {
    const items = [];
    const problems = [];
    const seen = new Set();
    for (const [i, entry] of splitEntries(text, problems).entries()) {
        const eq = entry.indexOf('=');
        const key = eq > 0 ? entry.slice(0, eq).trim() : '';
        if (key === '') {
            const what = showEntries ? quote(entry) : `entry ${i + 1} (not shown: it may hold a value)`;
            problems.push(`${what} is not KEY=VALUE: ${LIST_FORMS}`);
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
    if (!_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.envName.pattern.test(name))
        return `the name ${quote(name)} is not allowed: use ${_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.envName.allowed}`;
    if (_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_ENV_NAMES */ .y7.has(name) || name.startsWith('X_GOOGLE_'))
        return `${quote(name)} is reserved: Cloud Run sets it`;
    return undefined;
}
function parseEnvVars(text) {
    const { items, problems } = parsePairs(text, false);
    problems.push(...items.flatMap(({ key }) => envNameProblem(key) ?? []));
    return { items: items.map(({ key, value }) => ({ name: key, value })), problems };
}
/** A secret file's path: absolute, a directory and a file name, no `..` or empty parts. */
const SECRET_PATH = /^(?:\/[A-Za-z0-9_.-]+)+$/;
/**
 * KEY=SECRET:VERSION entries: a KEY that starts with '/' is a file path (the secret mounted as
 * that file, deploy-cloudrun's convention), any other KEY an environment variable.
 */
function parseSecrets(text) {
    const { items, problems } = parsePairs(text);
    const secrets = [];
    const files = [];
    for (const { key, value } of items) {
        const isFile = key.startsWith('/');
        const keyProblem = isFile ? secretPathProblem(key) : envNameProblem(key);
        if (keyProblem)
            problems.push(keyProblem);
        if (!_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.secretRef.pattern.test(value)) {
            problems.push(`${quote(`${key}=${value}`)} is not allowed: write KEY=${_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.secretRef.allowed} (or /MOUNT/PATH/FILE=SECRET:VERSION for a file)`);
            continue;
        }
        const colon = value.lastIndexOf(':');
        const ref = { secret: value.slice(0, colon), version: value.slice(colon + 1) };
        if (isFile)
            files.push({ path: key, ...ref });
        else
            secrets.push({ name: key, ...ref });
    }
    problems.push(...mountProblems(files));
    return { items: secrets, files, problems };
}
function secretPathProblem(path) {
    const parts = path.split('/').slice(1);
    if (!SECRET_PATH.test(path) || parts.length < 2 || parts.some((p) => p === '.' || p === '..')) {
        return `the file path ${quote(path)} is not allowed: use /MOUNT/DIR/FILE (a directory to mount and a file name; letters, digits, '.', '_' and '-')`;
    }
    return undefined;
}
/** The directory a secret file is mounted in. */
function mountDir(path) {
    return path.slice(0, path.lastIndexOf('/'));
}
/** One volume per directory: the files in a directory come from one secret. */
function mountProblems(files) {
    const byDir = new Map();
    const out = [];
    for (const f of files) {
        const dir = mountDir(f.path);
        const other = byDir.get(dir);
        if (other !== undefined && other !== f.secret) {
            out.push(`${quote(dir)} holds files of two secrets (${other} and ${f.secret}): a directory is one secret's volume, use another directory`);
        }
        byDir.set(dir, f.secret);
    }
    return out;
}
function parseLabels(text) {
    const { items, problems } = parsePairs(text);
    for (const { key, value } of items) {
        if (_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_LABEL_PREFIXES */ .dG.some((prefix) => key.startsWith(prefix))) {
            problems.push(`the key ${quote(key)} is reserved: keys under ${_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_LABEL_PREFIXES */ .dG.join(' and ')} are set by Google Cloud`);
        }
        else if (!_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.labelKey.pattern.test(key)) {
            problems.push(`the key ${quote(key)} is not allowed: use ${_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.labelKey.allowed}`);
        }
        if (!_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.labelValue.pattern.test(value)) {
            problems.push(`the value ${quote(value)} of ${quote(key)} is not allowed: use ${_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.labelValue.allowed}`);
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


/***/ }),

/***/ 2286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  o: () => (/* binding */ parseConfig)
});

;// CONCATENATED MODULE: ./node_modules/shlex/shlex.js


/*
  Port of a subset of the features of CPython's shlex module, which provides a
  shell-like lexer. Original code by Eric S. Raymond and other contributors.
*/

class Shlexer {
  constructor (string) {
    this.i = 0
    this.string = string

    /**
     * Characters that will be considered whitespace and skipped. Whitespace
     * bounds tokens. By default, includes space, tab, linefeed and carriage
     * return.
     */
    this.whitespace = ' \t\r\n'

    /**
     * Characters that will be considered string quotes. The token accumulates
     * until the same quote is encountered again (thus, different quote types
     * protect each other as in the shell.) By default, includes ASCII single
     * and double quotes.
     */
    this.quotes = `'"`

    /**
     * Characters that will be considered as escape. Just `\` by default.
     */
    this.escapes = '\\'

    /**
     * The subset of quote types that allow escaped characters. Just `"` by default.
     */
    this.escapedQuotes = '"'

    /**
     * Whether to support ANSI C-style $'' quotes
     * https://www.gnu.org/software/bash/manual/html_node/ANSI_002dC-Quoting.html
     */
    this.ansiCQuotes = true

    /**
     * Whether to support localized $"" quotes
     * https://www.gnu.org/software/bash/manual/html_node/Locale-Translation.html
     *
     * The behavior is as if the current locale is set to C or POSIX, i.e., the
     * contents are not translated.
     */
    this.localeQuotes = true

    this.debug = false
  }

  readChar () {
    return this.string.charAt(this.i++)
  }

  processEscapes (string, quote, isAnsiCQuote) {
    if (!isAnsiCQuote && !this.escapedQuotes.includes(quote)) {
      // This quote type doesn't support escape sequences
      return string
    }

    // We need to form a regex that matches any of the escape characters,
    // without interpreting any of the characters as a regex special character.
    const anyEscape = '[' + this.escapes.replace(/(.)/g, '\\$1') + ']'

    // In regular quoted strings, we can only escape an escape character, and
    // the quote character itself.
    if (!isAnsiCQuote && this.escapedQuotes.includes(quote)) {
      const re = new RegExp(
        anyEscape + '(' + anyEscape + '|\\' + quote + ')', 'g')
      return string.replace(re, '$1')
    }

    // ANSI C quoted strings support a wide variety of escape sequences
    if (isAnsiCQuote) {
      const patterns = {
        // Literal characters
        '([\\\\\'"?])': (x) => x,

        // Non-printable ASCII characters
        'a': () => '\x07',
        'b': () => '\x08',
        'e|E': () => '\x1b',
        'f': () => '\x0c',
        'n': () => '\x0a',
        'r': () => '\x0d',
        't': () => '\x09',
        'v': () => '\x0b',

        // Octal bytes
        '([0-7]{1,3})': (x) => String.fromCharCode(parseInt(x, 8)),

        // Hexadecimal bytes
        'x([0-9a-fA-F]{1,2})': (x) => String.fromCharCode(parseInt(x, 16)),

        // Unicode code units
        'u([0-9a-fA-F]{1,4})': (x) => String.fromCharCode(parseInt(x, 16)),
        'U([0-9a-fA-F]{1,8})': (x) => String.fromCharCode(parseInt(x, 16)),

        // Control characters
        // https://en.wikipedia.org/wiki/Control_character#How_control_characters_map_to_keyboards
        'c(.)': (x) => {
          if (x === '?') {
            return '\x7f'
          } else if (x === '@') {
            return '\x00'
          } else {
            return String.fromCharCode(x.charCodeAt(0) & 31)
          }
        }
      }

      // Construct an uber-RegEx that catches all of the above pattern
      const re = new RegExp(
        anyEscape + '(' + Object.keys(patterns).join('|') + ')', 'g')

      // For each match, figure out which subpattern matched, and apply the
      // corresponding function
      return string.replace(re, function (m, p1) {
        for (const matched in patterns) {
          const mm = new RegExp('^' + matched + '$').exec(p1)
          if (mm === null) {
            continue
          }

          return patterns[matched].apply(null, mm.slice(1))
        }
      })
    }

    // Should not get here
    return undefined
  }

  * [Symbol.iterator] () {
    let inQuote = false
    let inDollarQuote = false
    let escaped = false
    let lastDollar = -2 // position of last dollar sign we saw
    let token

    if (this.debug) {
      console.log('full input:', '>' + this.string + '<')
    }

    while (true) {
      const pos = this.i
      const char = this.readChar()

      if (this.debug) {
        console.log(
          'position:', pos,
          'input:', '>' + char + '<',
          'accumulated:', token,
          'inQuote:', inQuote,
          'inDollarQuote:', inDollarQuote,
          'lastDollar:', lastDollar,
          'escaped:', escaped
        )
      }

      // Ran out of characters, we're done
      if (char === '') {
        if (inQuote) { throw new Error('Got EOF while in a quoted string') }
        if (escaped) { throw new Error('Got EOF while in an escape sequence') }
        if (token !== undefined) { yield token }
        return
      }

      // We were in an escape sequence, complete it
      if (escaped) {
        if (char === '\n') {
          // An escaped newline just means to continue the command on the next
          // line. We just need to ignore it.
        } else if (inQuote) {
          // If we are in a quote, just accumulate the whole escape sequence,
          // as we will interpret escape sequences later.
          token = (token || '') + escaped + char
        } else {
          // Just use the literal character
          token = (token || '') + char
        }

        escaped = false
        continue
      }

      if (this.escapes.includes(char)) {
        if (!inQuote || inDollarQuote !== false || this.escapedQuotes.includes(inQuote)) {
          // We encountered an escape character, which is going to affect how
          // we treat the next character.
          escaped = char
          continue
        } else {
          // This string type doesn't use escape characters. Ignore for now.
        }
      }

      // We were in a string
      if (inQuote !== false) {
        // String is finished. Don't grab the quote character.
        if (char === inQuote) {
          token = this.processEscapes(token, inQuote, inDollarQuote === '\'')
          inQuote = false
          inDollarQuote = false
          continue
        }

        // String isn't finished yet, accumulate the character
        token = (token || '') + char
        continue
      }

      // This is the start of a new string, don't accumulate the quotation mark
      if (this.quotes.includes(char)) {
        inQuote = char
        if (lastDollar === pos - 1) {
          if (char === '\'' && !this.ansiCQuotes) {
            // Feature not enabled
          } else if (char === '"' && !this.localeQuotes) {
            // Feature not enabled
          } else {
            inDollarQuote = char
          }
        }

        token = (token || '') // fixes blank string

        if (inDollarQuote !== false) {
          // Drop the opening $ we captured before
          token = token.slice(0, -1)
        }

        continue
      }

      // This is a dollar sign, record that we saw it in case it's the start of
      // an ANSI C or localized string
      if (inQuote === false && char === '$') {
        lastDollar = pos
      }

      // This is whitespace, so yield the token if we have one
      if (this.whitespace.includes(char)) {
        if (token !== undefined) { yield token }
        token = undefined
        continue
      }

      // Otherwise, accumulate the character
      token = (token || '') + char
    }
  }
}


/**
 * Splits a given string using shell-like syntax. This function is the inverse
 * of shlex.join().
 *
 * @param {String} s String to split.
 * @returns {String[]}
 */
function split (s) {
  return Array.from(new Shlexer(s))
}

/**
 * Escapes a potentially shell-unsafe string using quotes.
 *
 * @param {String} s String to quote
 * @returns {String}
 */
function quote (s) {
  if (s === '') { return '\'\'' }

  const unsafeRe = /[^\w@%\-+=:,./]/
  if (!unsafeRe.test(s)) { return s }

  return ('\'' + s.replace(/('+)/g, '\'"$1"\'') + '\'').replace(/^''|''$/g, '')
}


/**
 * Concatenate the tokens of the list args and return a string. This function
 * is the inverse of shlex.split().
 *
 * The returned value is shell-escaped to protect against injection
 * vulnerabilities (see shlex.quote()).
 *
 * @param {String[]} args List of args to join
 * @returns {String}
 */
function join (args) {
  if (!Array.isArray(args)) {
    throw new TypeError("args should be an array")
  }
  return args.map(quote).join(" ")
}

// EXTERNAL MODULE: ./src/config/cron-core.ts + 1 modules
var cron_core = __nccwpck_require__(5947);
// EXTERNAL MODULE: ./src/config/guard-rails.ts
var guard_rails = __nccwpck_require__(1279);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
// EXTERNAL MODULE: ./src/config/lists.ts
var lists = __nccwpck_require__(5979);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __nccwpck_require__(7840);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __nccwpck_require__(2143);
;// CONCATENATED MODULE: ./src/config/reader.ts
// Reads one raw input at a time and records what is wrong with it, so parseConfig can
// report every bad input at once.




class Reader {
    raw;
    errors = [];
    /** Inputs set for a part this run does not use: ignored, each with a notice saying why. */
    notices = [];
    constructor(raw) {
        this.raw = raw;
    }
    /** Records a problem with `input`; returns undefined so callers can `return r.fail(...)`. */
    fail(input, message) {
        this.errors.push(new types/* InputError */.d(input, message));
        return undefined;
    }
    /** Records that `input` is ignored, and `why` (not an error: the run does what was asked). */
    ignore(input, why) {
        this.notices.push(`Input '${input}' is ignored: ${why}.`);
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
        return this.raw[input] !== inputs/* INPUT_DEFAULTS */.WJ[input];
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
        return this.fail(input, `${(0,lists/* quote */.hD)(this.raw[input])} is not allowed: ${allowed}.`);
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

// EXTERNAL MODULE: ./src/config/rules.ts
var rules = __nccwpck_require__(5413);
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

;// CONCATENATED MODULE: ./src/config/run-features.ts
// The networking, volume and hardware inputs (issue 13): VPC egress, Cloud SQL, the execution
// environment, GPUs and the service CPU settings; each checked before any request, with the
// rules Cloud Run documents (docs/cloud-run.md cites them).


const EGRESS = ['all-traffic', 'private-ranges-only'];
const GPU_TYPES = ['nvidia-l4'];
/** Per GPU type, the least CPU (cores) and memory (bytes) an instance with it must have. */
const GPU_MINIMUMS = {
    'nvidia-l4': { cpu: 4, memory: 16 * 2 ** 30, memoryText: '16Gi' },
};
const NAME = '[a-z]([-a-z0-9]*[a-z0-9])?';
const NETWORK = new RegExp(`^(?:${NAME}|projects/[a-z0-9-]+/global/networks/${NAME})$`);
const SUBNETWORK = new RegExp(`^(?:${NAME}|projects/[a-z0-9-]+/regions/[a-z0-9-]+/subnetworks/${NAME})$`);
const CONNECTOR = new RegExp(`^(?:${NAME}|projects/[a-z0-9-]+/locations/[a-z0-9-]+/connectors/${NAME})$`);
const CLOUDSQL = /^[a-z][a-z0-9-:.]*[a-z0-9]:[a-z]+(?:-[a-z]+)+\d+:[a-z][a-z0-9-]*$/;
/** true, false or empty (undefined). */
function optionalBool(r, input) {
    const value = r.oneOf(input, ['true', 'false']);
    return value === undefined ? undefined : value === 'true';
}
function readVpc(r, projectId, region) {
    const network = r.matching('vpc_network', { pattern: NETWORK, allowed: 'a VPC network name, or projects/PROJECT/global/networks/NAME' });
    const subnetwork = r.matching('vpc_subnetwork', {
        pattern: SUBNETWORK,
        allowed: 'a subnetwork name, or projects/PROJECT/regions/REGION/subnetworks/NAME',
    });
    let connector = r.matching('vpc_connector', { pattern: CONNECTOR, allowed: 'a connector name, or projects/PROJECT/locations/REGION/connectors/NAME' });
    const egress = r.oneOf('vpc_egress', EGRESS);
    if (connector && (network || subnetwork)) {
        r.fail('vpc_connector', 'is a Serverless VPC Access connector, and vpc_network/vpc_subnetwork ask for Direct VPC egress: a job or service uses one or the other. Remove vpc_connector or vpc_network/vpc_subnetwork.');
    }
    if (egress && !connector && !network && !subnetwork) {
        r.fail('vpc_egress', 'says which traffic goes through the VPC: it needs vpc_network, vpc_subnetwork or vpc_connector.');
    }
    if (connector && !connector.includes('/')) {
        if (projectId && region)
            connector = `projects/${projectId}/locations/${region}/connectors/${connector}`;
        else
            r.fail('vpc_connector', `${(0,lists/* quote */.hD)(connector)} is a short name and project_id is not known before authenticating: use projects/PROJECT/locations/REGION/connectors/NAME`);
    }
    if (!network && !subnetwork && !connector && !egress)
        return undefined;
    return { network, subnetwork, connector, egress };
}
function readCloudSql(r) {
    const text = r.text('cloudsql_instances');
    if (text === undefined)
        return undefined;
    const names = text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    for (const n of names.filter((n) => !CLOUDSQL.test(n))) {
        r.fail('cloudsql_instances', `${(0,lists/* quote */.hD)(n)} is not allowed: use PROJECT:REGION:INSTANCE (the instance connection name, e.g. my-proj:europe-west1:main-db).`);
    }
    if (new Set(names).size !== names.length)
        r.fail('cloudsql_instances', 'an instance is given twice.');
    return names;
}
/**
 * GPUs, with Cloud Run's documented rules (https://cloud.google.com/run/docs/configuring/services/gpu,
 * https://cloud.google.com/run/docs/configuring/jobs/gpu): one GPU per instance; an L4 needs at
 * least 4 CPU and 16 GiB of memory; a service with a GPU uses instance-based billing (CPU always
 * allocated, so cpu_throttling false). cpu and memory must be given with gpu: an empty one keeps
 * the live value, which the check cannot see before reading.
 */
function readGpu(r, kind, cpu, memory, cpuThrottling) {
    const count = r.int('gpu', 0, 1_000);
    const type = r.oneOf('gpu_type', GPU_TYPES);
    if (count === undefined) {
        if (type !== undefined)
            r.fail('gpu_type', 'needs gpu: set gpu: 1 to attach a GPU of this type.');
        return undefined;
    }
    if (count > 1)
        return r.fail('gpu', `${count} is not allowed: Cloud Run attaches one GPU per instance; use 1 (or 0 to remove the GPU).`);
    if (count === 0) {
        if (type !== undefined)
            r.fail('gpu_type', 'is set while gpu is 0 (no GPU): remove gpu_type.');
        return { count };
    }
    if (type === undefined) {
        if (!r.hasError('gpu_type'))
            r.fail('gpu_type', `required with gpu: use ${GPU_TYPES.join(' or ')}.`);
        return undefined;
    }
    const min = GPU_MINIMUMS[type];
    const cores = cpu === undefined ? undefined : (0,rules/* cpuCores */.ns)(cpu);
    if (cores === undefined || cores < min.cpu) {
        r.fail('cpu', `a GPU (${type}) needs at least ${min.cpu} CPU: set cpu: ${min.cpu} or more${cpu === undefined ? ' (it is empty)' : ''}.`);
    }
    const bytes = memory === undefined ? undefined : (0,rules/* memoryBytes */.ZY)(memory);
    if (bytes === undefined || bytes < min.memory) {
        r.fail('memory', `a GPU (${type}) needs at least ${min.memoryText} of memory: set memory: ${min.memoryText} or more${memory === undefined ? ' (it is empty)' : ''}.`);
    }
    if (kind === 'service' && cpuThrottling !== false) {
        r.fail('cpu_throttling', 'a service with a GPU needs instance-based billing (CPU always allocated): set cpu_throttling: false.');
    }
    return { count, type };
}
/**
 * A service with less than 1 CPU needs request-based billing and the first generation execution
 * environment (https://cloud.google.com/run/docs/configuring/services/cpu, "If you use less than
 * 1 vCPU").
 */
function checkFractionalCpu(r, cpu, runtime) {
    const cores = cpu === undefined ? undefined : (0,rules/* cpuCores */.ns)(cpu);
    if (cores === undefined || cores >= 1)
        return;
    if (runtime.cpuThrottling === false) {
        r.fail('cpu_throttling', `false (instance-based billing) needs at least 1 CPU, and cpu is ${cpu}: with less than 1 CPU Cloud Run bills by request.`);
    }
    if (runtime.executionEnvironment === 'gen2') {
        r.fail('execution_environment', `gen2 needs at least 1 CPU for a service, and cpu is ${cpu}: use gen1, or cpu: 1 or more.`);
    }
}
function readRuntime(r, kind, at) {
    const service = kind === 'service';
    const cpuThrottling = service ? optionalBool(r, 'cpu_throttling') : undefined;
    const runtime = {
        vpc: readVpc(r, at.projectId, at.region),
        cloudSqlInstances: readCloudSql(r),
        executionEnvironment: r.oneOf('execution_environment', ['gen1', 'gen2']),
        gpu: readGpu(r, kind, at.cpu, at.memory, cpuThrottling),
        cpuThrottling,
        startupCpuBoost: service ? optionalBool(r, 'startup_cpu_boost') : undefined,
    };
    if (service)
        checkFractionalCpu(r, at.cpu, runtime);
    return runtime;
}
/** The `spec` input's text, when set (parsed and validated lazily by run/spec.ts, before any request). */
function readSpecText(r) {
    const text = r.text('spec');
    return text === undefined ? undefined : { text };
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
    'cpu_throttling', 'startup_cpu_boost',
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
 * `deferWarnings`: leave config.warnings empty (the guard rails read the schedule's time zone
 * through Intl, ~1 ms): main computes them with guardRailWarnings once the first request is in flight.
 */
function parseConfig(get, options = {}) {
    const r = new Reader((0,inputs/* readInputs */.Ko)(get));
    const absent = r.oneOf('state', ['present', 'absent']) === 'absent';
    const kind = r.oneOf('kind', KINDS);
    const name = r.required('name', rules/* RULES */.y0.name);
    const region = r.required('region', rules/* RULES */.y0.region);
    const auth = readAuth(r);
    const labels = readLabels(r, options.commitSha);
    if (kind === 'job')
        ignoreOthers(r, SERVICE_ONLY, 'service', kind);
    if (kind === 'service')
        ignoreOthers(r, JOB_ONLY, 'job', kind);
    for (const input of ['prune', 'max_parallel', 'only']) {
        if (r.isSet(input))
            r.ignore(input, 'it applies to fleet mode only, and manifest is empty');
    }
    const job = kind === 'job' ? readJob(r) : {};
    const service = kind === 'service' ? readService(r) : { allowUnauthenticated: false };
    const projectId = readProjectId(r, auth);
    const cpu = readChecked(r, 'cpu', rules/* RULES */.y0.cpu.allowed, rules/* cpuCores */.ns);
    const memory = readChecked(r, 'memory', rules/* RULES */.y0.memory.allowed, rules/* memoryBytes */.ZY);
    const config = {
        auth,
        projectId,
        region: region ?? '',
        kind: kind ?? 'job',
        name: name ?? '',
        image: (absent ? r.matching('image', rules/* RULES */.y0.image) : r.required('image', rules/* RULES */.y0.image)) ?? '',
        runtimeServiceAccount: readRuntimeAccount(r),
        ...readEnv(r),
        envVarsUpdateStrategy: r.oneOf('env_vars_update_strategy', STRATEGIES) ?? 'merge',
        secretsUpdateStrategy: r.oneOf('secrets_update_strategy', STRATEGIES) ?? 'merge',
        labels,
        command: readWords(r, 'command'),
        args: readWords(r, 'args'),
        cpu,
        memory,
        runtime: readRuntime(r, kind, { projectId, region, cpu, memory }),
        spec: readSpecText(r),
        job,
        service,
        schedule: absent ? undefined : readSchedule(r, kind, name, region),
        teardown: readTeardown(r, absent, name, region),
        smoke: readSmoke(r),
        dryRun: r.bool('dry_run'),
        failOnDrift: readFailOnDrift(r),
        comment: { mode: r.oneOf('comment_on_pr', ['auto', 'true', 'false']) ?? 'auto', token: r.text('github_token') },
        warnings: [],
        notices: r.notices,
    };
    if (r.errors.length > 0)
        throw new types/* InputErrors */.G(inActionYmlOrder(r.errors));
    if (!options.deferWarnings)
        config.warnings = (0,guard_rails/* guardRailWarnings */.X)(config);
    return config;
}
/** smoke_test: changed (only a run that wrote something; the default), true (every run) or false. */
function readSmoke(r) {
    // A rerun that writes nothing must not run the real workload again (its side effects and cost)
    // unless asked to: changed is the default, also when the reusable workflow passes ''.
    const mode = r.oneOf('smoke_test', ['true', 'false', 'changed']) ?? 'changed';
    return {
        enabled: mode !== 'false',
        onlyWhenChanged: mode === 'changed',
        timeoutSeconds: r.duration('smoke_timeout', 1, 6 * HOUR) ?? 600,
    };
}
/** state: absent: the Scheduler job to delete (named as a deploy names it) and whether unmarked resources may go. */
function readTeardown(r, absent, name, region) {
    const force = r.bool('force');
    if (!absent) {
        if (force)
            r.ignore('force', 'it applies to state: absent only');
        return undefined;
    }
    if (r.raw.fail_on_drift.toLowerCase() === 'true')
        r.fail('fail_on_drift', 'applies to state: present: with state: absent there is nothing the live state should match. Remove fail_on_drift.');
    return {
        schedulerJobId: r.matching('scheduler_job', rules/* RULES */.y0.schedulerJob) ?? `${name}-schedule`,
        schedulerRegion: r.matching('scheduler_region', rules/* RULES */.y0.region) ?? region ?? '',
        force,
    };
}
/** fail_on_drift: a check that reads only, so it needs dry_run: true. */
function readFailOnDrift(r) {
    const fail = r.bool('fail_on_drift');
    if (fail && r.raw.dry_run.toLowerCase() !== 'true') {
        r.fail('fail_on_drift', 'true needs dry_run: true: the drift check only reads (a run that applies would change the drifted fields back). Set dry_run: true, or remove fail_on_drift.');
    }
    return fail;
}
/** Errors listed as action.yml lists the inputs (a stable sort keeps each input's own order). */
function inActionYmlOrder(errors) {
    const rank = (e) => inputs/* INPUT_NAMES */.Qh.indexOf(e.input);
    return [...errors].sort((a, b) => rank(a) - rank(b));
}
function readAuth(r) {
    const provider = readProvider(r);
    const serviceAccount = r.matching('service_account', rules/* RULES */.y0.serviceAccount);
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
        return r.notAllowed(input, `the provider path needs the project number, not the project ID ${(0,lists/* quote */.hD)(project)}; ` +
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
        return r.matching('project_id', rules/* RULES */.y0.projectId);
    return SA_PROJECT.exec(auth.serviceAccount ?? '')?.[1];
}
/** An email, or `default`: the default compute account, chosen explicitly (see the planner). */
function readRuntimeAccount(r) {
    if (r.text('runtime_service_account')?.toLowerCase() === 'default')
        return 'default';
    return r.matching('runtime_service_account', { ...rules/* RULES */.y0.serviceAccount, allowed: `${rules/* RULES */.y0.serviceAccount.allowed}, or default` });
}
function readEnv(r) {
    const env = (0,lists/* parseEnvVars */.J0)(r.raw.env_vars);
    const secrets = (0,lists/* parseSecrets */.dC)(r.raw.secrets);
    env.problems.forEach((p) => r.fail('env_vars', `${p}.`));
    secrets.problems.forEach((p) => r.fail('secrets', `${p}.`));
    const envNames = new Set(env.items.map((e) => e.name));
    for (const s of secrets.items.filter((s) => envNames.has(s.name))) {
        r.fail('secrets', `${(0,lists/* quote */.hD)(s.name)} is also in env_vars: a variable comes from one or the other.`);
    }
    return { envVars: env.items, secrets: secrets.items, secretFiles: secrets.files };
}
/**
 * The labels given, and the default ones unless skip_default_labels: managed-by, and commit-sha
 * (the short SHA of GITHUB_SHA, when the run has one). A user's own label of either key wins.
 */
function readLabels(r, commitSha) {
    const { items, problems } = (0,lists/* parseLabels */.Xy)(r.raw.labels);
    problems.forEach((p) => r.fail('labels', `${p}.`));
    const labels = Object.fromEntries(items.map(({ key, value }) => [key, value]));
    if (r.bool('skip_default_labels'))
        return labels;
    const sha = commitSha && /^[0-9a-f]{7,}$/i.test(commitSha) ? { 'commit-sha': commitSha.slice(0, 7).toLowerCase() } : {};
    return { 'managed-by': 'cloud-run-cron', ...sha, ...labels };
}
/**
 * command/args: a JSON array of strings, or shell-style words (POSIX quoting by shlex, the
 * port of Python's shlex.split): `--query "SELECT 1"` is two words. Nothing is expanded:
 * `$(VAR)` reaches Cloud Run, which substitutes it itself.
 */
function readWords(r, input) {
    const value = r.text(input);
    if (value === undefined)
        return undefined;
    const forms = 'use a JSON array of strings such as ["--query", "SELECT 1"], or words separated by spaces with quotes around a word that has spaces (--query "SELECT 1")';
    if (!value.startsWith('[')) {
        try {
            return split(value);
        }
        catch (e) {
            return r.notAllowed(input, `${e.message.replace(/\.$/, '').toLowerCase()}: ${forms}`);
        }
    }
    try {
        const words = JSON.parse(value);
        if (Array.isArray(words) && words.every((w) => typeof w === 'string'))
            return words;
    }
    catch {
        // reported below
    }
    return r.notAllowed(input, forms);
}
/** A value kept as written once `check` accepts it (cpu, memory). */
function readChecked(r, input, allowed, check) {
    const value = r.text(input);
    if (value === undefined || check(value) !== undefined)
        return value;
    return r.notAllowed(input, `use ${allowed}`);
}
/**
 * A notice for each input of the other kind that is set: it is ignored, not an error, so one
 * workflow can template its inputs for both kinds (a job's tasks do nothing to a service).
 */
function ignoreOthers(r, inputs, owner, kind) {
    // path is also a Scheduler input: without a schedule it gets that notice instead.
    const schedule = r.text('schedule') !== undefined;
    for (const input of inputs.filter((i) => r.isSet(i) && (schedule || !SCHEDULE_ONLY.includes(i)))) {
        r.ignore(input, `it applies to kind: ${owner} only, and this is kind: ${kind}`);
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
    if (cron === undefined) {
        // Deploy only: the Scheduler inputs have nothing to shape. A workflow that always passes
        // its invoker (templated from a variable) deploys only when its schedule is empty.
        SCHEDULE_ONLY.filter((input) => r.isSet(input)).forEach((input) => r.ignore(input, 'it shapes the Cloud Scheduler job, and schedule is empty (deploy only: no Scheduler job is touched)'));
        return undefined;
    }
    const problem = (0,cron_core/* validateCron */.JJ)(cron);
    if (problem)
        r.notAllowed('schedule', `${problem}. Use unix-cron with 5 fields: minute hour day-of-month month day-of-week, such as "0 3 * * *"`);
    const timeZone = r.raw.time_zone;
    if (!(0,rules/* isTimeZone */.kQ)(timeZone))
        r.notAllowed('time_zone', 'use an IANA time zone name such as Etc/UTC or Europe/Berlin, spelled with its capitals');
    const fields = readScheduleFields(r, kind);
    const invoker = r.matching('invoker_service_account', rules/* RULES */.y0.serviceAccount);
    if (invoker === undefined && !r.hasError('invoker_service_account')) {
        r.fail('invoker_service_account', `required with schedule: ${rules/* RULES */.y0.serviceAccount.allowed}, the account Cloud Scheduler calls the ${kind ?? 'job'} as.`);
    }
    return {
        cron,
        timeZone,
        jobId: r.matching('scheduler_job', rules/* RULES */.y0.schedulerJob) ?? `${name}-schedule`,
        region: r.matching('scheduler_region', rules/* RULES */.y0.region) ?? region ?? '',
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
        path: (kind === 'service' && r.matching('path', rules/* RULES */.y0.path)) || '/',
        httpMethod,
        body,
        bodyHasOverrides,
        attemptDeadlineSeconds: r.duration('attempt_deadline', 15, 30 * 60),
        retryCount: r.int('retry_count', 0, 5),
        paused: r.bool('paused'),
    };
}


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZY: () => (/* binding */ memoryBytes),
/* harmony export */   dG: () => (/* binding */ RESERVED_LABEL_PREFIXES),
/* harmony export */   kQ: () => (/* binding */ isTimeZone),
/* harmony export */   ns: () => (/* binding */ cpuCores),
/* harmony export */   y0: () => (/* binding */ RULES),
/* harmony export */   y7: () => (/* binding */ RESERVED_ENV_NAMES)
/* harmony export */ });
// Formats of the text inputs: a pattern and, for the error message, what is allowed.
const SA_EXAMPLE = 'NAME@PROJECT.iam.gserviceaccount.com';
const RULES = {
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


/***/ }),

/***/ 2143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
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
        return { message: (0,_scrub_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Zg)(String(err)), metadata: {} };
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
        message: (0,_scrub_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Zg)(message),
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
/**
 * 429, RESOURCE_EXHAUSTED: a quota; back off harder and poll slower. Also the only answer after
 * which a call that must not run twice (a job's or a Scheduler job's :run) is sent again: Google
 * turned the request away before doing anything. A 503, a 500, a 504 or a dropped connection
 * leave it unknown whether the work started (issue 11).
 */
const isQuotaError = (err) => matches(err, [429], [8]);
/** 403, PERMISSION_DENIED. */
const isPermissionDenied = (err) => matches(err, [403], [7]);


/***/ }),

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zg: () => (/* binding */ scrubSecrets),
/* harmony export */   mF: () => (/* binding */ envValueChanges),
/* harmony export */   om: () => (/* binding */ registerSecretValues)
/* harmony export */ });
/* unused harmony export MIN_SCRUBBED_LENGTH */
// Redaction, in one place (issue 11): no token and no env var value leaves the run through the
// log, the `plan` output, the job summary, an error message or a retry line.
// - The plan never holds a value: env var changes are described by name and what happened to
//   the value (envValueChanges), so whatever prints a plan cannot print a value.
// - Text from elsewhere (API errors echoing a request body, retry lines, the final failure)
//   goes through scrubSecrets: anything token-like, and every env var value this run knows
//   (registered from the inputs and from the live job or service), becomes [REDACTED].
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
/**
 * Values shorter than this are not cut out of text: a value such as `1` or `on` would blank
 * every digit or word of a message. They never appear in the plan either way.
 */
const MIN_SCRUBBED_LENGTH = 4;
/** Env var values known to this run, longest first (a value that contains another goes first). */
let knownValues = [];
/** Adds values (plain env var values) that scrubSecrets cuts out of every text from now on. */
function registerSecretValues(values) {
    const all = new Set(knownValues);
    for (const v of values)
        if (v.length >= MIN_SCRUBBED_LENGTH)
            all.add(v);
    knownValues = [...all].sort((a, b) => b.length - a.length);
}
/** `text` with anything token-like and every registered value replaced by [REDACTED]. */
function scrubSecrets(text) {
    const scrubbed = SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, (_match, keep) => `${typeof keep === 'string' ? keep : ''}[REDACTED]`), text);
    // Also as JSON escapes them (a request body echoed as JSON text).
    return knownValues.reduce((out, v) => {
        const json = JSON.stringify(v).slice(1, -1);
        return out.split(v).join('[REDACTED]').split(json).join('[REDACTED]');
    }, scrubbed);
}
/**
 * What happens to each variable's value, by name, without the value: `DB_PASSWORD: (changed),
 * MODE: (unchanged)`. Variables that exist before and not after are `(removed)`.
 */
function envValueChanges(before, after) {
    const old = new Map(before.map((e) => [e.name, e.value]));
    const now = new Set(after.map((e) => e.name));
    const lines = after.map(({ name, value }) => [
        name,
        !old.has(name) ? '(added)' : old.get(name) === value ? '(unchanged)' : '(changed)',
    ]);
    for (const { name } of before)
        if (!now.has(name))
            lines.push([name, '(removed)']);
    return lines.map(([name, change]) => `${name}: ${change}`).join(', ');
}


/***/ }),

/***/ 8157:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ overrideNotices),
/* harmony export */   Lo: () => (/* binding */ endpointFor),
/* harmony export */   yk: () => (/* binding */ checkOverrides)
/* harmony export */ });
// Where the action's own requests go. gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_* properties,
// read as env vars, move them (a proxy, a private endpoint, the local Google Cloud); what the
// action stores in Google Cloud (Scheduler URIs, OIDC audiences) always stays canonical.
const PUBLIC_HOSTS = {
    run: 'run.googleapis.com',
    cloudscheduler: 'cloudscheduler.googleapis.com',
    sts: 'sts.googleapis.com',
    iamcredentials: 'iamcredentials.googleapis.com',
    logging: 'logging.googleapis.com',
};
/** The base URL of an API, ending in '/': https://run.googleapis.com/ or its override. */
function endpointFor(api, env = process.env) {
    const name = `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
    const override = env[name]?.trim();
    if (!override)
        return `https://${PUBLIC_HOSTS[api]}/`;
    let url;
    try {
        url = new URL(override);
    }
    catch {
        throw new Error(`${name} is not a URL: use a base URL such as https://${PUBLIC_HOSTS[api]}/`);
    }
    // Tokens travel to this endpoint: plain http only to this machine (the local Google Cloud).
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        throw new Error(`${name} is ${JSON.stringify(`${url.protocol}//${url.host}`)}: use an https:// URL (plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost), because the access token is sent to it.`);
    }
    // A path in the override is kept (a proxy may serve the API under one).
    return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}
/** One line per active override, for the log (printed once per run by the pipeline). */
function overrideNotices(env = process.env) {
    return Object.keys(PUBLIC_HOSTS)
        .filter((api) => env[`CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`]?.trim())
        .map((api) => `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()} is set: ${api} requests go to ${endpointFor(api, env)} instead of https://${PUBLIC_HOSTS[api]}/`);
}
/** 127.0.0.0/8, ::1 and localhost. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** Throws on the first bad override, before any request is sent (main calls it with the inputs). */
function checkOverrides(env = process.env) {
    for (const api of Object.keys(PUBLIC_HOSTS))
        endpointFor(api, env);
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

/***/ 5126:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wb: () => (/* binding */ tracedFetch),
/* harmony export */   uQ: () => (/* binding */ configureTrace),
/* harmony export */   ve: () => (/* binding */ traceExchange)
/* harmony export */ });
/* unused harmony exports REDACTED, traceEnabled, redactJson */
/* harmony import */ var _errors_scrub_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(356);
/* harmony import */ var _report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6514);
// The HTTP trace of step debug logging (RUNNER_DEBUG=1, or the ACTIONS_STEP_DEBUG secret set to
// true): every exchange with GitHub and Google as one `::debug::` line — method, URL, status,
// duration, and the JSON bodies with every token, Authorization header, env var value and secret
// reference redacted. It is what a user attaches to a bug report from a real project, so the
// redaction is the point: by field name (tokens, credentials, `value`, `valueSource`, trigger
// bodies), then by pattern (JWTs, access tokens, bearer headers: errors/scrub.ts), then every
// env var value and secret reference of this run's inputs wherever it appears.
// Light on purpose: it is loaded at start-up, before the first request.


const REDACTED = '[REDACTED]';
/** A body longer than this is cut (an HTML error page, a long list). */
const MAX_BODY_CHARS = 4000;
/** Keys whose string values are credentials. */
const SECRET_KEY = /token|secret|password|assertion|authorization|credential|private_?key|api_?key/i;
/** Keys whose values are redacted whole: env var values, secret references, trigger bodies (they may carry env overrides). */
const VALUE_KEYS = new Set(['value', 'valueSource', 'body']);
const state = { enabled: false };
function traceEnabled(env) {
    return env.RUNNER_DEBUG === '1' || /^true$/i.test(env.ACTIONS_STEP_DEBUG ?? '');
}
/**
 * Turns the trace on when step debug logging is, and registers this run's env var values and
 * secret references with the one scrubbing function (errors/scrub.ts), which every message
 * goes through too. Values shorter than MIN_SCRUBBED_LENGTH are redacted by field only.
 */
function configureTrace(env, sensitive) {
    state.enabled = traceEnabled(env);
    (0,_errors_scrub_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecretValues */ .om)(sensitive);
}
/** A copy of a JSON value with credentials, env var values and secret references replaced. */
function redactJson(value) {
    if (Array.isArray(value))
        return value.map(redactJson);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => {
            if (v === null || v === undefined)
                return [k, v];
            if (VALUE_KEYS.has(k) || (SECRET_KEY.test(k) && typeof v !== 'object'))
                return [k, REDACTED];
            return [k, redactJson(v)];
        }));
    }
    return value;
}
/** A request or response body as the trace shows it: parsed (JSON or a form), redacted, one line. */
function showBody(body) {
    if (body === undefined || body === null || body === '')
        return undefined;
    let parsed = body;
    if (body instanceof URLSearchParams)
        parsed = Object.fromEntries(body);
    else if (typeof body === 'string') {
        try {
            parsed = JSON.parse(body);
        }
        catch {
            parsed = /^[\w.~-]+=[^&]*(&[\w.~-]+=[^&]*)*$/.test(body) ? Object.fromEntries(new URLSearchParams(body)) : body;
        }
    }
    else if (typeof body !== 'object')
        parsed = String(body);
    const text = typeof parsed === 'string' ? parsed.replace(/\s+/g, ' ').trim() : JSON.stringify(redactJson(parsed));
    const cut = text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… (${text.length} chars)` : text;
    return (0,_errors_scrub_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(cut);
}
/** Writes one exchange to the debug log (when tracing). */
function traceExchange(x) {
    if (!state.enabled)
        return;
    const parts = [`HTTP ${x.method.toUpperCase()} ${(0,_errors_scrub_js__WEBPACK_IMPORTED_MODULE_1__/* .scrubSecrets */ .Zg)(x.url)} -> ${x.status} (${Math.round(x.ms)} ms)`];
    const request = showBody(x.request);
    if (request)
        parts.push(`request: ${request}`);
    const response = showBody(x.response);
    if (response)
        parts.push(`response: ${response}`);
    (0,_report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__.debug)(parts.join(' | '));
}
/**
 * A fetch that traces every exchange. The response body is read here and handed on as a new
 * Response of the same class (cloning would stall a body larger than the stream's buffer).
 */
function tracedFetch(inner) {
    const traced = async (input, init) => {
        if (!state.enabled)
            return inner(input, init);
        const started = performance.now();
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input.url ?? input);
        const method = init?.method ?? 'GET';
        let res;
        try {
            res = (await inner(input, init));
        }
        catch (err) {
            traceExchange({ method, url, status: `failed (${err instanceof Error ? err.message : String(err)})`, ms: performance.now() - started, request: init?.body });
            throw err;
        }
        const text = await res.text();
        traceExchange({ method, url, status: res.status, ms: performance.now() - started, request: init?.body, response: text });
        const Response = res.constructor;
        const empty = res.status === 204 || res.status === 304;
        return new Response(empty ? null : text, { status: res.status, statusText: res.statusText, headers: res.headers, url: res.url });
    };
    return traced;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3197);
// Entry point of the bundle (dist/index.js): what GitHub runs.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3197:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: getInput

;// CONCATENATED MODULE: external "node:diagnostics_channel"
const external_node_diagnostics_channel_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
// EXTERNAL MODULE: ./src/auth/github-token.ts
var github_token = __nccwpck_require__(1139);
// EXTERNAL MODULE: ./src/config/guard-rails.ts
var guard_rails = __nccwpck_require__(1279);
// EXTERNAL MODULE: ./src/config/parse-config.ts + 4 modules
var parse_config = __nccwpck_require__(2286);
// EXTERNAL MODULE: ./src/google/endpoints.ts
var endpoints = __nccwpck_require__(8157);
// EXTERNAL MODULE: ./src/google/trace.ts
var trace = __nccwpck_require__(5126);
// EXTERNAL MODULE: ./src/report/workflow-commands.ts + 2 modules
var workflow_commands = __nccwpck_require__(6514);
;// CONCATENATED MODULE: ./src/main.ts
// Wires the steps: inputs -> config -> (auth, while the rest of the code loads) -> what
// exists -> plan -> apply -> smoke test -> report. Each step lives in its own module.
//
// Start-up is on every run's clock: this module and what it imports statically (the input
// parser, croner, the GitHub token request on Node's own http client) are all that load
// before the first request leaves. google-auth-library loads while the GitHub token is in
// flight; the pipeline and the report while the STS exchange is.







const noop = () => undefined;
/** Resolves when the next HTTP request has been handed to the operating system. */
function nextRequestSent() {
    return new Promise((resolve) => {
        const started = (message) => {
            (0,external_node_diagnostics_channel_namespaceObject.unsubscribe)('http.client.request.start', started);
            message.request.once('finish', () => resolve());
        };
        (0,external_node_diagnostics_channel_namespaceObject.subscribe)('http.client.request.start', started);
    });
}
/** How long deploy, IAM and Scheduler writes may take in all, before the smoke test. */
const DEPLOY_DEADLINE_MS = 20 * 60_000;
/** The runner's input INPUT_<NAME>, trimmed (as @actions/core's getInput reads it). */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
async function run(env = process.env) {
    let fleet;
    try {
        const get = (name) => getInput(name, env);
        // Fleet mode loads its manifest reader (YAML, JSON Schema) only when a manifest is given.
        fleet = get('manifest')
            ? await Promise.all(/* import() */[__nccwpck_require__.e(144), __nccwpck_require__.e(590)]).then(__nccwpck_require__.bind(__nccwpck_require__, 222)).then(({ loadManifest }) => loadManifest(get, env))
            : { configs: [(0,parse_config/* parseConfig */.o)(get, { deferWarnings: true, commitSha: env.GITHUB_SHA })], prune: false, maxParallel: 1 };
        (0,endpoints/* checkOverrides */.yk)(env);
        // Only a run with spec loads the YAML parser and the Run v2 schema, before any request.
        // What spec may not also set: a fleet workload's own keys; the step's inputs otherwise.
        const { isSet = (_, name) => get(name) !== '' } = fleet;
        for (const config of fleet.configs) {
            if (config.spec)
                await (await Promise.all(/* import() */[__nccwpck_require__.e(999), __nccwpck_require__.e(950)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9950))).loadSpec(config, (name) => isSet(config, name));
        }
    }
    catch (err) {
        workflow_commands.setOutput('changed', 'false');
        workflow_commands.setOutput('execution_status', 'skipped');
        workflow_commands.setFailed(err instanceof Error ? err.message : String(err));
        return;
    }
    // Step debug logging: every HTTP exchange in the log, without this run's env var values and secret references.
    (0,trace/* configureTrace */.uQ)(env, [
        ...fleet.configs.flatMap((config) => [
            ...config.envVars.map((e) => e.value),
            ...(config.spec?.envValues ?? []),
            ...[...config.secrets, ...config.secretFiles].flatMap((s) => [s.secret, `${s.secret}:${s.version}`]),
        ]),
        env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
        fleet.configs[0]?.comment.token ?? '',
    ]);
    const config = fleet.configs[0];
    if (!config) {
        // A manifest with no workloads: no authentication is needed to do nothing.
        const { runFleet } = await Promise.all(/* import() */[__nccwpck_require__.e(627), __nccwpck_require__.e(507), __nccwpck_require__.e(999), __nccwpck_require__.e(144), __nccwpck_require__.e(707)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8707));
        const none = Promise.reject(new Error('no workloads: nothing authenticates'));
        none.catch(() => undefined);
        return runFleet(fleet, none, env, DEPLOY_DEADLINE_MS);
    }
    // The first round trip leaves now; the rest of the code loads while it is in flight (not
    // before it is on the wire: loading a chunk blocks the event loop that would send it).
    const provider = config.auth.workloadIdentityProvider;
    let githubToken;
    let sent = Promise.resolve();
    if (provider) {
        let onSent;
        const wire = new Promise((resolve) => (onSent = resolve));
        githubToken = (0,github_token/* requestGithubToken */.eH)((0,github_token/* githubAudience */._g)(config.auth), env, { onSent });
        githubToken.catch(() => undefined); // reported by the auth step
        sent = Promise.race([wire, githubToken.then(() => undefined, () => undefined)]);
    }
    await sent;
    // Authentication (google-auth-library) loads and starts first. The rest of the pipeline
    // (the plan, apply and report code) loads once the STS exchange is on the wire, and while it is in
    // flight: loading blocks the event loop that would otherwise still have to send it.
    const onTheWire = nextRequestSent();
    // gaxios builds a Headers for every request; Node loads its fetch internals on their first
    // use (~15 ms). Load them now, while the GitHub token is in flight, not after it arrives.
    new Headers();
    const credentials = Promise.all(/* import() */[__nccwpck_require__.e(627), __nccwpck_require__.e(168)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8168)).then(({ authenticate }) => authenticate(config.auth, githubToken, env, config.projectId));
    credentials.catch(() => undefined); // reported by the auth step
    await Promise.race([onTheWire, credentials.then(noop, noop)]);
    const pipeline = Promise.all(/* import() */[__nccwpck_require__.e(627), __nccwpck_require__.e(507), __nccwpck_require__.e(999), __nccwpck_require__.e(144), __nccwpck_require__.e(707)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8707));
    for (const c of fleet.configs)
        c.warnings = (0,guard_rails/* guardRailWarnings */.X)(c);
    const { runFleet } = await pipeline;
    await runFleet(fleet, credentials, env, DEPLOY_DEADLINE_MS);
}


/***/ }),

/***/ 6514:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  debug: () => (/* binding */ debug),
  error: () => (/* binding */ error),
  escapeData: () => (/* binding */ escapeData),
  group: () => (/* binding */ group),
  info: () => (/* binding */ info),
  notice: () => (/* binding */ notice),
  setFailed: () => (/* binding */ setFailed),
  setOutput: () => (/* binding */ setOutput),
  setSecret: () => (/* binding */ setSecret),
  warning: () => (/* binding */ warning)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/report/workflow-commands.ts
// How the action talks to the runner: workflow commands on stdout (`::warning::…`) and the
// GITHUB_OUTPUT file, in the formats of GitHub's "Workflow commands for GitHub Actions" and as
// @actions/core writes them (toolkit packages/core/src/command.ts, file-command.ts).
//
// Why not @actions/core itself: it imports its OIDC client statically, and with it
// @actions/http-client and undici (~0.9 MB of bundle) on every run, for the one function
// (getIDToken) this action does without (auth/github-token.ts). Loading them cost ~18 ms of
// CPU on every start-up. test/unit/workflow-commands.test.ts checks that every function here
// writes exactly what @actions/core writes.



/** A command's message: `%`, CR and LF escaped, as the runner unescapes them. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function issue(command, message = '') {
    process.stdout.write(`::${command}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
/** Shown only with step debug logging (RUNNER_DEBUG=1). */
function debug(message) {
    issue('debug', message);
}
function notice(message) {
    issue('notice', message);
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** Runs `fn` inside a collapsible group of the log; the group ends also when it throws. */
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup');
    }
}
/** The step fails with `message` (an ::error:: annotation) once the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/**
 * The runner masks `secret` in everything the job prints after this. Written at once, also by
 * the auth code on the start-up path: a token is masked before anything could print it.
 */
function setSecret(secret) {
    if (secret)
        issue('add-mask', secret);
}
/**
 * An output of the step: `name<<DELIMITER` / value / `DELIMITER` appended to GITHUB_OUTPUT, with
 * a random delimiter that the value must not contain. Without GITHUB_OUTPUT (an old runner) the
 * deprecated `::set-output::` command, as @actions/core falls back to.
 */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        process.stdout.write(`::set-output name=${escapeProperty(name)}::${escapeData(value)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    if (name.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (value.includes(delimiter))
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
}
/** A command property's value: escapeData, and `:` and `,` (which separate properties). */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
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

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

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

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

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
